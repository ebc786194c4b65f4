package io.firebreak.standalone.store;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query engine's own application of an update's operators to one document ({@code $set}, {@code $inc},
 * {@code $pull}, {@code $push}, …, with the positional {@code $} and array filters): a new document, the one given
 * left as it was, or the engine's error. The engine keeps this step to itself, inside an update path that also finds
 * the document, copies and compares it (see {@link StoreCollection#updateDocuments}); it is reached here by its name,
 * so that the operators keep the engine's meaning exactly rather than being written again. Should a later version of
 * the engine not have it, {@link #available()} says so and every update takes the engine's general path.
 */
final class EngineUpdates {

    private static final Logger log = LoggerFactory.getLogger(EngineUpdates.class);
    private static final MethodHandle CALCULATE = find();

    private EngineUpdates() {}

    /** Whether the engine's step was found. */
    static boolean available() {
        return CALCULATE != null;
    }

    /** The document with the update's operators applied; {@code matchPosition} is the filter's match in an array. */
    static Document apply(
            AbstractMongoCollection<?> collection,
            Document document,
            Document update,
            ArrayFilters arrayFilters,
            Integer matchPosition) {
        try {
            return (Document) CALCULATE.invoke(collection, document, update, arrayFilters, matchPosition, false);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle find() {
        try {
            return MethodHandles.privateLookupIn(AbstractMongoCollection.class, MethodHandles.lookup())
                    .findVirtual(
                            AbstractMongoCollection.class,
                            "calculateUpdateDocument",
                            MethodType.methodType(
                                    Document.class,
                                    Document.class,
                                    Document.class,
                                    ArrayFilters.class,
                                    Integer.class,
                                    boolean.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Updates by operators take the query engine's general path: {}", e.toString());
            return null;
        }
    }
}
