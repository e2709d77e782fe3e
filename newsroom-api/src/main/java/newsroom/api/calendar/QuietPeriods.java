package newsroom.api.calendar;

import java.util.List;

import newsroom.calendar.Blackout;
import org.springframework.stereotype.Component;

/** What other features may read of the quiet periods read model: the periods in force (defined, not lifted). */
@Component
public class QuietPeriods {

    private final BlackoutRepository blackouts;

    QuietPeriods(BlackoutRepository blackouts) {
        this.blackouts = blackouts;
    }

    public List<Blackout> inForce() {
        return blackouts.all().stream().filter(view -> !view.lifted()).map(BlackoutView::toBlackout).toList();
    }
}
