package newsroom.api;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Newsroom server: REST and WebSocket over the event-sourced story workflow. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling // housekeeping: live connections whose sign-in ended, old failed sign-ins
public class NewsroomApplication {

    public static void main(String[] args) {
        // Newsroom does not phone home: Axon's update checker is off unless explicitly enabled.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        try {
            SpringApplication.run(NewsroomApplication.class, args);
        } catch (RuntimeException failedStart) {
            // Spring has logged why and closed what it started; threads it does not own (the embedded store's,
            // the event processors') would keep a server that serves nothing alive, so the process ends
            System.exit(1);
        }
    }

    /** One clock for the whole server: commands take their time from it, tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
