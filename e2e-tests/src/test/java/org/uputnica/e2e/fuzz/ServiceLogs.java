package org.uputnica.e2e.fuzz;

import org.uputnica.e2e.ServiceProcess;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the services log at ERROR while hostile requests arrive: nothing. A refused request is the client's
 * problem; an ERROR pages an operator, and one per hostile request is a flood. (This found the remote introspection
 * of every JWT with an unknown key id.)
 */
final class ServiceLogs {
    /** ERROR lines that hostile input still causes, each with the reason it is not fixed. */
    static final Map<String, String> KNOWN = Map.of(
            "IllegalStateException: Response has already been written",
            "the chunked body over the HTTP limit of ServerLimits: Quarkus's body reader answers 413 and closes the response itself,"
                    + " so the problem the platform then writes finds it closed (QuarkusErrorHandler logs that)");

    private final Map<ServiceProcess, Long> from = new LinkedHashMap<>();

    private ServiceLogs() {
    }

    /** Where each service's log ends now. */
    static ServiceLogs mark(List<ServiceProcess> services) throws IOException {
        ServiceLogs logs = new ServiceLogs();
        for (ServiceProcess s : services) {
            logs.from.put(s, Files.size(s.log()));
        }
        return logs;
    }

    /** The ERROR lines logged since the mark that are not {@link #KNOWN}, each with its service. */
    List<String> errorsSince() throws IOException {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<ServiceProcess, Long> e : from.entrySet()) {
            try (RandomAccessFile file = new RandomAccessFile(e.getKey().log().toFile(), "r")) {
                byte[] added = new byte[(int) Math.max(0, file.length() - e.getValue())];
                file.seek(e.getValue());
                file.readFully(added);
                for (String line : new String(added, StandardCharsets.UTF_8).split("\n")) {
                    if (line.contains("level=ERROR") && KNOWN.keySet().stream().noneMatch(line::contains)) {
                        errors.add(e.getKey().name + ": " + (line.length() > 300 ? line.substring(0, 300) + "..." : line));
                    }
                }
            }
        }
        return errors;
    }
}
