package io.certgate.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * The layout's sign-out button (a Faces form, so another site cannot post it): the session ends, with everything it
 * held (views, notices, a download not yet fetched), and the browser goes to the sign-in page.
 */
@Named
@RequestScoped
public class ConsoleSignOut {

    public void signOut() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.invalidateSession();
        ((HttpServletRequest) external.getRequest()).logout();
        external.redirect(external.getRequestContextPath() + ConsolePaths.SIGN_IN + "?ended=" + SignInPage.SIGNED_OUT);
        faces.responseComplete();
    }
}
