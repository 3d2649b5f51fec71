package org.uputnica.console.mywork;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.uputnica.console.notificationservice.NotificationService;
import org.uputnica.console.referralservice.ReferralModel;
import org.uputnica.console.referralservice.ReferralService;
import org.uputnica.console.web.ConsoleSession;
import org.uputnica.console.web.Pages;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What needs me now: incoming referrals to acknowledge, referrals my agency must decide on with their nearest
 * deadline, the working group's late referrals for a coordinator, and unread inbox items. The panel refreshes
 * itself every 30 seconds (htmx polling).
 */
@Path("/")
public class MyWorkPage {
    /** How many referrals the page looks up deadlines for: enough for a day's work, bounded in API calls. */
    private static final int WITH_DEADLINES = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance myWork(Work work);

        static native TemplateInstance myWork$panel(Work work);
    }

    /** A referral awaiting my agency, with its nearest unmet deadline (null when none is known). */
    public record Waiting(ReferralModel.Referral referral, OffsetDateTime dueAt, String deadline) {
    }

    public record Work(List<ReferralModel.Referral> toAcknowledge, List<Waiting> toDecide,
                       List<ReferralModel.Overdue> overdue, List<NotificationService.InboxItem> unread,
                       long unreadTotal) {
    }

    private final ReferralService referrals;
    private final NotificationService notifications;
    private final ConsoleSession session;

    public MyWorkPage(@RestClient ReferralService referrals, @RestClient NotificationService notifications,
                      ConsoleSession session) {
        this.referrals = referrals;
        this.notifications = notifications;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        return Pages.localised(Templates.myWork(work()), session);
    }

    @GET
    @Path("/my-work/panel")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance panel() {
        return Pages.localised(Templates.myWork$panel(work()), session);
    }

    private Work work() {
        List<ReferralModel.Referral> toAcknowledge = List.of();
        List<Waiting> toDecide = new ArrayList<>();
        if (session.practitioner()) {
            toAcknowledge = referrals.list("INCOMING", "SENT", null, null, null, null, null, null, 0, 50).items();
            List<ReferralModel.Referral> open = new ArrayList<>(toAcknowledge);
            open.addAll(referrals.list("INCOMING", "ACKNOWLEDGED", null, null, null, null, null, null, 0, 50).items());
            open.addAll(referrals.list("INCOMING", "ESCALATED", null, null, null, null, null, null, 0, 50).items());
            // the first ones' deadlines, fetched side by side
            List<CompletableFuture<Waiting>> waiting = open.stream().limit(WITH_DEADLINES)
                    .map(r -> referrals.deadlines(r.id()).toCompletableFuture().thenApply(d -> withDeadline(r, d)))
                    .toList();
            waiting.forEach(w -> toDecide.add(Pages.join(w)));
            open.stream().skip(WITH_DEADLINES).forEach(r -> toDecide.add(new Waiting(r, null, null)));
            toDecide.sort(Comparator.comparing(Waiting::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        List<ReferralModel.Overdue> overdue = new ArrayList<>();
        if (session.coordinator()) {
            for (String group : session.workingGroups()) {
                overdue.addAll(referrals.overdue(group, 0, 20).items());
            }
        }
        NotificationService.InboxPage unread = notifications.list(true, 0, 10);
        return new Work(toAcknowledge, toDecide, overdue, unread.items(), unread.total());
    }

    private static Waiting withDeadline(ReferralModel.Referral r, List<ReferralModel.Deadline> deadlines) {
        return deadlines.stream().filter(d -> d.metAt() == null && d.dueAt() != null && !"CANCELLED".equals(d.state()))
                .min(Comparator.comparing(ReferralModel.Deadline::dueAt))
                .map(d -> new Waiting(r, d.dueAt(), d.kind())).orElse(new Waiting(r, null, null));
    }
}
