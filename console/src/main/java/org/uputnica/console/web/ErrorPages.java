package org.uputnica.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a page in the user's language, never a stack trace. An API's 403 on something the user
 * asked for by URL is shown as 404: the console does not tell a third agency that a referral or case exists.
 */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String titleKey, String textKey);
    }

    private final ConsoleSession session;

    public ErrorPages(ConsoleSession session) {
        this.session = session;
    }

    @ServerExceptionMapper
    public Response console(ConsoleError e) {
        return page(e.status);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        boolean fromApi = e.getClass().getName().contains("Client");
        if (fromApi) {
            LOG.infof("an API answered %d", status);
            return page(switch (status) {
                case 403, 404, 410 -> 404;
                case 409, 412 -> 409;
                case 401 -> 403;
                default -> 503;
            });
        }
        return page(switch (status) {
            case 403, 404, 409 -> status;
            case 401 -> 403;
            case 400, 405, 415 -> 404;
            default -> 503;
        });
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service could not be reached: %s", e.getClass().getSimpleName());
        return page(503);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("page failed", e);
        return page(503);
    }

    private Response page(int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.localised(Templates.error("error_" + status + "_title", "error_" + status + "_text"), session).render()).build();
    }
}
