package newsroom.campaign;

/** A campaign's period must end on or after the day it starts. */
public class CampaignPeriodInvalid extends RuntimeException {

    public CampaignPeriodInvalid(String detail) {
        super(detail);
    }
}
