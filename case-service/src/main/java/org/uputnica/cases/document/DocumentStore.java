package org.uputnica.cases.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Puts and gets document contents. The database store keeps them in the row (one backup covers all); the filesystem
 * store writes a file named by the document id, fsynced before the row commits, so a committed row always has
 * its file. A file whose row never committed is an orphan that nobody can reach.
 */
@ApplicationScoped
public class DocumentStore {

    @Inject
    DocumentsConfig config;

    public void put(CaseDocument doc, byte[] content) {
        doc.store = config.store().name();
        if (config.store() == DocumentsConfig.Store.DATABASE) {
            doc.content = content;
            return;
        }
        try {
            Files.createDirectories(config.directory());
            Path tmp = config.directory().resolve(doc.id + ".tmp");
            Files.write(tmp, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(tmp, file(doc), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store document " + doc.id, e);
        }
    }

    public byte[] get(CaseDocument doc) {
        if (DocumentsConfig.Store.DATABASE.name().equals(doc.store)) {
            return doc.content;
        }
        try {
            return Files.readAllBytes(file(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + doc.id, e);
        }
    }

    public void erase(CaseDocument doc) {
        doc.content = null;
        if (DocumentsConfig.Store.FILESYSTEM.name().equals(doc.store)) {
            try {
                Files.deleteIfExists(file(doc));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot erase document " + doc.id, e);
            }
        }
    }

    private Path file(CaseDocument doc) {
        return config.directory().resolve(doc.id.toString());
    }
}
