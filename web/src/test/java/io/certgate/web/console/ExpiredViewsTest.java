package io.certgate.web.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import org.junit.jupiter.api.Test;

/** Which failures lead to the "page expired" answer: an unknown view state, also wrapped by Faces; nothing else. */
class ExpiredViewsTest {

    @Test
    void anUnknownViewStateAlsoWhenFacesWrappedIt() {
        assertTrue(ExpiredViews.expired(new ViewExpiredException("gone", "/products.xhtml")));
        assertTrue(ExpiredViews.expired(new FacesException(new ViewExpiredException("gone", "/products.xhtml"))));
    }

    @Test
    void nothingElse() {
        assertFalse(ExpiredViews.expired(new FacesException(new IllegalStateException("bug"))));
        assertFalse(ExpiredViews.expired(new IllegalStateException(new ViewExpiredException())));
        assertFalse(ExpiredViews.expired(null));
    }
}
