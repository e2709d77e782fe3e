package newsroom.api.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When the server cannot start because of its store file, Spring Boot prints this explanation (which
 * file, what is wrong, what to do) instead of an exception's stack trace. Registered in
 * {@code META-INF/spring.factories}.
 */
class StoreFileFailureAnalyzer extends AbstractFailureAnalyzer<StoreFileUnusable> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreFileUnusable cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
