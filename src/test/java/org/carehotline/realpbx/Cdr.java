package org.carehotline.realpbx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.carehotline.registry.CsvFile;

/**
 * One line of Asterisk's cdr_csv {@code Master.csv}, with {@code loguniqueid}, {@code loguserfield}
 * and {@code newcdrcolumns} on (config/cdr.conf): the columns cdr_csv.c writes, in its order
 * (accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end,
 * duration, billsec, disposition, amaflags, uniqueid, userfield, peeraccount, linkedid, sequence).
 */
record Cdr(String src, String dst, String dcontext, String channel, String dstChannel, String lastApp,
           String start, String answer, String end, int duration, int billsec, String disposition,
           String uniqueId, String linkedId) {

    /** Every line written so far (cdr_csv quotes strings the RFC 4180 way); a missing file is no line. */
    static List<Cdr> read(Path masterCsv) throws IOException {
        if (!Files.exists(masterCsv)) {
            return List.of();
        }
        return CsvFile.parse(Files.readAllBytes(masterCsv)).stream().map(r -> of(r.fields())).toList();
    }

    private static Cdr of(List<String> f) {
        if (f.size() < 21) {
            throw new IllegalArgumentException("not a cdr_csv line with newcdrcolumns: " + f);
        }
        return new Cdr(f.get(1), f.get(2), f.get(3), f.get(5), f.get(6), f.get(7), f.get(9), f.get(10), f.get(11),
                Integer.parseInt(f.get(12)), Integer.parseInt(f.get(13)), f.get(14), f.get(16), f.get(19));
    }
}
