package io.certgate.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The console's pages that Faces does not render (the sign-in page, and the answers to refusals and errors): the
 * console's look (its stylesheet, header and one heading), its security headers ({@link ConsoleHeaders}) and nothing
 * else; every text is escaped here.
 */
final class ConsolePageWriter {

    private ConsolePageWriter() {
    }

    /** An HTML page: the title, an optional message (an error when {@code error}), then the body's HTML as given. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                      String message, boolean error, String bodyHtml) throws IOException {
        String ctx = request.getContextPath();
        StringBuilder b = new StringBuilder(2048).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>")
                .append(escape(title)).append(" · certgate console</title>")
                .append("<link rel=\"icon\" type=\"image/svg+xml\" href=\"").append(ctx).append(ConsolePaths.ICON).append("\"/>")
                .append("<link rel=\"stylesheet\" href=\"").append(ctx).append(ConsolePaths.STYLESHEET).append("\"/>")
                .append("</head><body class=\"standalone\"><header class=\"top\"><span class=\"brand\">certgate console</span>")
                .append("</header><main id=\"main\" tabindex=\"-1\"><h1>").append(escape(title)).append("</h1>");
        if (message != null) {
            b.append("<div class=\"messages\" id=\"messages\" role=\"alert\"><ul id=\"messageList\"><li class=\"")
                    .append(error ? "error" : "info").append("\">").append(escape(message)).append("</li></ul></div>");
        }
        b.append(bodyHtml).append("</main></body></html>\n");
        byte[] page = b.toString().getBytes(StandardCharsets.UTF_8);
        ConsoleHeaders.apply(response);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
