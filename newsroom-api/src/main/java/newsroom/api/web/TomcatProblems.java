package newsroom.api.web;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report valve on the host, where the
 * requests Tomcat refuses before any application code end up.
 */
@Component
class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectProvider<ProblemWriter> writer;
    private final ServerProperties server;

    TomcatProblems(ObjectProvider<ProblemWriter> writer, ServerProperties server) {
        this.writer = writer;
        this.server = server;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        int maxHeaderBytes = (int) server.getMaxHttpRequestHeaderSize().toBytes();
        // the context is not attached to its host yet when customised; the host is there when it starts
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                replaceErrorReportValve(host, new ProblemErrorReportValve(writer::getObject, maxHeaderBytes));
            }
        }));
    }

    private static void replaceErrorReportValve(Host host, ProblemErrorReportValve valve) {
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
        for (Valve existing : host.getPipeline().getValves()) {
            if (existing instanceof ProblemErrorReportValve) {
                return;
            }
            if (existing instanceof ErrorReportValve) {
                host.getPipeline().removeValve(existing);
            }
        }
        host.getPipeline().addValve(valve);
    }
}
