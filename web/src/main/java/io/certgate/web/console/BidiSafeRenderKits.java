package io.certgate.web.console;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;

/**
 * Every text and attribute value the console writes shows Unicode's bidirectional controls (U+202A..U+202E,
 * U+2066..U+2069, U+200E, U+200F, U+061C) as visible {@code [U+202E]} marks instead of obeying them: a tenant's
 * product named {@code invoice\u202Efdp.exe} is shown as written, not as {@code invoiceexe.pdf} (issue 18, 9).
 * Registered in faces-config.xml.
 */
public class BidiSafeRenderKits extends RenderKitFactory {

    public BidiSafeRenderKits(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
        return kit == null ? null : new Kit(kit);
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    /** The text with every bidirectional control as a visible mark. */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (bidi(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("[U+%04X]", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static boolean bidi(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    private static final class Kit extends RenderKitWrapper {
        Kit(RenderKit wrapped) {
            super(wrapped);
        }

        @Override
        public ResponseWriter createResponseWriter(Writer writer, String contentTypeList, String characterEncoding) {
            ResponseWriter w = getWrapped().createResponseWriter(writer, contentTypeList, characterEncoding);
            return w == null ? null : new Safe(w);
        }
    }

    private static final class Safe extends ResponseWriterWrapper {
        Safe(ResponseWriter wrapped) {
            super(wrapped);
        }

        @Override
        public void writeText(Object text, String property) throws IOException {
            super.writeText(text instanceof String s ? visible(s) : text, property);
        }

        @Override
        public void writeText(Object text, UIComponent component, String property) throws IOException {
            super.writeText(text instanceof String s ? visible(s) : text, component, property);
        }

        @Override
        public void writeText(char[] text, int off, int len) throws IOException {
            String s = visible(new String(text, off, len));
            super.writeText(s.toCharArray(), 0, s.length());
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            super.writeAttribute(name, value instanceof String s ? visible(s) : value, property);
        }

        @Override
        public ResponseWriter cloneWithWriter(Writer writer) {
            return new Safe(getWrapped().cloneWithWriter(writer));
        }
    }
}
