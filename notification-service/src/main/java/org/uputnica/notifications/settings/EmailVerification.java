package org.uputnica.notifications.settings;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.uputnica.notifications.delivery.Failures;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An address a user sets gets a code, and nothing else, until the user enters it: so nobody has notices about
 * children sent to an address that is not theirs, or mistyped. The code is stored hashed; it is sent after the
 * preferences are committed, and a failure to send is logged (saving again sends a new one).
 */
@ApplicationScoped
public class EmailVerification {
    public static final String CODE_INVALID = ProblemType.of("email-code-invalid");
    private static final Logger LOG = Logger.getLogger(EmailVerification.class);
    /** No 0/O, 1/I: read off a screen or a phone. 10 of 32 symbols: 50 bits. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Mailer mailer;
    private final Clock clock;
    private final SettingsConfig config;

    EmailVerification(Mailer mailer, Clock clock, SettingsConfig config) {
        this.mailer = mailer;
        this.clock = clock;
        this.config = config;
    }

    private record Target(String email, String language) {
    }

    /** A new code to the user's address, if it is not verified yet. */
    public void sendCode(String userId) {
        String code = newCode();
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            UserPreference p = UserPreference.findById(userId);
            if (p == null || p.email == null || p.emailVerifiedAt != null) {
                return null;
            }
            p.emailCodeHash = hash(code);
            p.emailCodeExpiresAt = OffsetDateTime.now(clock).plus(config.verificationCodeValidFor());
            return new Target(p.email, p.language);
        });
        if (target == null) {
            return;
        }
        boolean english = target.language().equals("en");
        try {
            mailer.send(Mail.withText(target.email(),
                    english ? "Uputnica: confirm your e-mail address" : "Uputnica: potvrdite adresu e-pošte",
                    (english ? "Enter this code in your notification settings to receive notices at this address:\n\n"
                            : "Unesite ovaj kod u podešavanjima obaveštenja da biste primali obaveštenja na ovu adresu:\n\n")
                            + code + "\n\n"
                            + (english ? "If you did not ask for it, ignore this message: nothing will be sent here."
                            : "Ako ga niste tražili, zanemarite ovu poruku: ništa vam neće biti poslato.")));
        } catch (RuntimeException e) {
            LOG.warnf("verification code for user %s not sent: %s", userId, Failures.describe(e));
        }
    }

    /** The user enters the code: from now on the address gets notices. */
    public void confirm(String userId, String code) {
        QuarkusTransaction.requiringNew().run(() -> {
            UserPreference p = UserPreference.findById(userId);
            if (p == null || p.email == null) {
                throw ProblemException.conflict(CODE_INVALID, "you have no e-mail address to confirm");
            }
            if (p.emailVerifiedAt != null) {
                return;
            }
            boolean valid = p.emailCodeHash != null && p.emailCodeExpiresAt != null
                    && OffsetDateTime.now(clock).isBefore(p.emailCodeExpiresAt)
                    && MessageDigest.isEqual(p.emailCodeHash.getBytes(StandardCharsets.US_ASCII),
                    hash(code.strip().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII));
            if (!valid) {
                throw ProblemException.conflict(CODE_INVALID, "the code is wrong or has expired: save your "
                        + "preferences again for a new one");
            }
            p.emailVerifiedAt = OffsetDateTime.now(clock);
            p.emailCodeHash = null;
            p.emailCodeExpiresAt = null;
        });
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
