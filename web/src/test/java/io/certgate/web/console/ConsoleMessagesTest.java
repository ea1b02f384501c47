package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certgate.domain.ca.CertificateAlreadyRevokedException;
import io.certgate.ejb.common.InvalidArgumentException;
import io.certgate.ejb.device.UnknownDeviceException;
import jakarta.ejb.EJBException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The console's one message per refusal: the rules' own wording (also when the EJB container wrapped it) after what
 * was tried, as a sentence; the guard's refusal likewise; anything else is no refusal (logged, with a request id).
 */
class ConsoleMessagesTest {

    @Test
    void aRefusalOfTheRulesIsShownWithWhatWasTried() {
        assertEquals(Optional.of("Creating the product: Invalid argument: productName is required."),
                ConsoleMessages.refusal("Creating the product",
                        new InvalidArgumentException("invalid argument: productName is required")));
        assertEquals(Optional.of("Revoking certificate 7: The certificate has already been revoked."),
                ConsoleMessages.refusal("Revoking certificate 7", new CertificateAlreadyRevokedException()));
    }

    @Test
    void aRefusalWrappedByTheContainerIsStillARefusal() {
        assertEquals(Optional.of("Searching certificates: Device cannot be found."),
                ConsoleMessages.refusal("Searching certificates", new EJBException(new UnknownDeviceException())));
    }

    @Test
    void theGuardsRefusalIsShownToo() {
        assertEquals(Optional.of("Revoking certificate 7: Your operator role may not change products, devices or certificates."),
                ConsoleMessages.refusal("Revoking certificate 7",
                        new ConsoleRefusedException("Your operator role may not change products, devices or certificates.")));
    }

    @Test
    void anythingElseIsNoRefusal() {
        assertTrue(ConsoleMessages.refusal("Reading", new IllegalStateException("database down")).isEmpty());
        assertTrue(ConsoleMessages.refusal("Reading", new EJBException(new NullPointerException())).isEmpty());
        assertTrue(ConsoleMessages.refusal("Reading", new EJBException("no cause")).isEmpty());
    }

    @Test
    void theWordingBecomesASentence() {
        assertEquals("Refused.", ConsoleMessages.sentence(null));
        assertEquals("Refused.", ConsoleMessages.sentence("  "));
        assertEquals("Already.", ConsoleMessages.sentence("already."));
        assertEquals("No such certificate.", ConsoleMessages.sentence(" no such certificate "));
    }
}
