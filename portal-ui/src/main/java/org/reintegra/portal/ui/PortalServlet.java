package org.reintegra.portal.ui;

import com.vaadin.cdi.CdiVaadinServlet;
import com.vaadin.cdi.CdiVaadinServletService;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.RequestHandler;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.communication.WebComponentBootstrapHandler;
import com.vaadin.flow.server.communication.WebComponentProvider;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import java.util.List;

/**
 * The portal's Vaadin servlet: Vaadin CDI's own, as it would deploy it at {@code /*}, without the
 * two request handlers for Vaadin components exported as web components, which the portal does not
 * export. Each of them asked, on every request, whether any exist, under one fair lock for the
 * whole server; at 500 users dozens of request threads queued on it (thread dumps in
 * docs/benchmarks.md, "The web component lock, stop 23").
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1)
public class PortalServlet extends CdiVaadinServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new PortalService(this, configuration);
        service.init();
        return service;
    }

    /** Vaadin CDI's service with the request handlers the portal uses. */
    static class PortalService extends CdiVaadinServletService {

        private static final long serialVersionUID = 1L;

        PortalService(CdiVaadinServlet servlet, DeploymentConfiguration configuration) {
            super(servlet, configuration, CDI.current().getBeanManager());
        }

        @Override
        protected List<RequestHandler> createRequestHandlers() throws ServiceException {
            List<RequestHandler> handlers = super.createRequestHandlers();
            handlers.removeIf(handler -> handler instanceof WebComponentBootstrapHandler
                    || handler instanceof WebComponentProvider);
            return handlers;
        }
    }
}
