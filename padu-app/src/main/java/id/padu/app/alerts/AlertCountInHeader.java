package id.padu.app.alerts;

import id.padu.app.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of open alerts the reader may see, for the page header's menu item ("Peringatan (3)"). */
@ControllerAdvice(annotations = Controller.class)
class AlertCountInHeader {

    private final Alerts alerts;

    AlertCountInHeader(Alerts alerts) {
        this.alerts = alerts;
    }

    @ModelAttribute("openAlertCount")
    Long openAlertCount() {
        return CurrentUser.role().isPresent() ? alerts.openCount() : null;
    }
}
