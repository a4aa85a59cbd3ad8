package org.carehotline.registry;

import java.util.List;

/**
 * What an import did.
 *
 * @param rows      data rows read (header excluded)
 * @param added     workers who were not callers yet
 * @param merged    existing callers (same normalized number) whose registry fields were set or changed
 * @param unchanged valid rows that changed nothing (a second import of the same file: all of them)
 * @param rejected  the problems of the rows not taken, one per problem (a row may have several)
 * @param fileProblem empty, or a reason code that stopped the whole file (e.g. columns.missing)
 */
public record ImportResult(int rows, long added, long merged, long unchanged, List<Rejection> rejected,
                           String fileProblem) {

    /** How many rows were not taken (a row with several problems counts once). */
    public long rejectedRows() {
        return rejected.stream().mapToInt(Rejection::line).distinct().count();
    }
}
