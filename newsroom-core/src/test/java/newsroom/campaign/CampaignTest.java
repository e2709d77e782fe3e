package newsroom.campaign;

import java.time.LocalDate;

import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final Actor EDITOR = Actor.of("erik", Role.EDITOR);
    private static final LocalDate JAN = LocalDate.of(2027, 1, 1);
    private static final LocalDate DEC = LocalDate.of(2027, 12, 31);

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    @Test
    void aCampaignIsDefinedWithGoalKpiAndPeriod() {
        fixture.givenNoPriorActivity()
                .when(new DefineCampaignCommand("eb-2027", "Employer branding 2027", "Hire 200 apprentices",
                        "applications per month", JAN, DEC, EDITOR))
                .expectEvents(new CampaignDefinedEvent("eb-2027", "Employer branding 2027", "Hire 200 apprentices",
                        "applications per month", JAN, DEC, "erik"));
    }

    @Test
    void redefiningWithTheSameDefinitionRecordsNothing() {
        fixture.given(new CampaignDefinedEvent("eb-2027", "Employer branding 2027", "goal", "kpi", JAN, DEC, "erik"))
                .when(new DefineCampaignCommand("eb-2027", "Employer branding 2027", "goal", "kpi", JAN, DEC,
                        Actor.of("ed", Role.EDITOR)))
                .expectNoEvents();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new DefineCampaignCommand("eb-2027", "Employer branding", "goal", "kpi", DEC, JAN, EDITOR))
                .expectException(CampaignPeriodInvalid.class)
                .expectNoEvents();
    }
}
