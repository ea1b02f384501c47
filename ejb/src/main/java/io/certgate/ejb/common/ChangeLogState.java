package io.certgate.ejb.common;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether a database already holds every change set of certgate's change log, read without Liquibase: a restart
 * on an up-to-date database then skips Liquibase, whose loading alone took about 2 s of a 19 s restart
 * (BENCHMARKS.md). Anything else (a missing change set, no change log table yet) answers
 * "not complete", and Liquibase migrates as before, under its lock.
 */
final class ChangeLogState {

    private ChangeLogState() {
    }

    /**
     * "id::author" of each change set the change log declares, in order. Liquibase also records the file's path,
     * in a form of its own (it differs from the resource name); certgate has one change log, so id and author say
     * which change set it is.
     */
    static Set<String> declared(InputStream changeLog, String fileName) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // our own file, but no entities all the same
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Set<String> ids = new LinkedHashSet<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(changeLog);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("changeSet")) {
                    ids.add(key(xml.getAttributeValue(null, "id"), xml.getAttributeValue(null, "author")));
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot read the change log " + fileName + ": " + e.getMessage(), e);
        }
        return ids;
    }

    /** The change sets Liquibase recorded as ran in this database; empty when it has no change log table yet. */
    static Set<String> applied(Connection c) {
        Set<String> ids = new LinkedHashSet<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT ID, AUTHOR FROM DATABASECHANGELOG")) {
            while (r.next()) {
                ids.add(key(r.getString(1), r.getString(2)));
            }
        } catch (SQLException e) {
            return Set.of(); // a new database: Liquibase makes the table
        }
        return ids;
    }

    /** Every declared change set is recorded (and at least one is declared). */
    static boolean complete(Set<String> declared, Set<String> applied) {
        return !declared.isEmpty() && applied.containsAll(declared);
    }

    private static String key(String id, String author) {
        return id + "::" + author;
    }
}
