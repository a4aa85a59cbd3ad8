package org.carehotline.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Whether the embedded store's file still holds the newest tree of every map: for each map, the
 * chunk with its root page must be known to the store and its header must read back from the
 * file itself. Read past the page cache on purpose: a store that is asked every few seconds
 * has the first pages of every collection cached, so reading documents would still succeed on
 * a file that is gone or cut short.
 */
final class StoreFileCheck {

    private static final int BLOCK_SIZE = 4096;
    private static final int HEADER_BYTES = 128;

    private StoreFileCheck() {
    }

    /** What is wrong with the file, or empty. Blocking: one small read per map. */
    static Optional<String> problem(MVStore store) {
        if (store.isClosed()) {
            return Optional.of("the data file is closed (the store stopped after an error)");
        }
        // held as a command holds it: no chunk of the layout read below is freed during the check
        MVStore.TxCounter inUse = store.registerVersionUsage();
        try {
            return problem(store.getFileStore());
        } catch (RuntimeException e) { // MVStoreException from a read, or the store closing meanwhile
            return Optional.of(String.valueOf(e.getMessage()));
        } finally {
            store.deregisterVersionUsage(inUse);
        }
    }

    private static <C extends Chunk<C>> Optional<String> problem(FileStore<C> file) {
        // one consistent version of the layout (its iteration reads one root), taken once
        Map<String, String> layout = new HashMap<>(file.getLayoutMap());
        int newestListed = layout.keySet().stream().filter(k -> k.startsWith(DataUtils.META_CHUNK))
                .mapToInt(k -> Integer.parseInt(k.substring(DataUtils.META_CHUNK.length()), 16)).max().orElse(0);
        for (Map.Entry<String, String> entry : layout.entrySet()) {
            if (!entry.getKey().startsWith(DataUtils.META_ROOT)) {
                continue;
            }
            long rootPos = DataUtils.parseHexLong(entry.getValue());
            if (rootPos == 0) {
                continue; // an empty map: nothing stored
            }
            int chunkId = DataUtils.getPageChunkId(rootPos);
            String chunkKey = DataUtils.META_CHUNK + Integer.toHexString(chunkId);
            String chunkMeta = layout.get(chunkKey);
            if (chunkMeta == null && chunkId > newestListed) {
                continue; // the newest chunk: the layout lists it from the next one on
            }
            if (chunkMeta == null) {
                return Optional.of(entry.getKey() + ": its root is in chunk " + chunkId + ", which the file has not");
            }
            C chunk = file.createChunk(chunkMeta);
            ByteBuffer header = file.readFully(chunk, chunk.block * BLOCK_SIZE, HEADER_BYTES);
            String text = StandardCharsets.ISO_8859_1.decode(header).toString();
            if (!text.startsWith("chunk:" + Integer.toHexString(chunkId) + ",")) {
                return Optional.of("chunk " + chunkId + " at block " + chunk.block + " has no valid header");
            }
        }
        return Optional.empty();
    }
}
