package org.carehotline.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an Excel workbook (.xlsx, or the older .xls) into the same records
 * as a CSV file. Cells are read as Excel displays them, so a phone number typed as a number
 * (13800138000) arrives as its digits, not as 1.38E+10.
 */
final class Workbooks {

    private Workbooks() {
    }

    /** True when the bytes are a ZIP (.xlsx) or an OLE2 compound file (.xls) rather than text. */
    static boolean isWorkbook(byte[] bytes) {
        return bytes.length >= 4 && ((bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
                || ((bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
                && (bytes[3] & 0xFF) == 0xE0));
    }

    /** The non-blank rows of the first sheet; line numbers are Excel's row numbers. */
    static List<CsvFile.Record> firstSheet(byte[] bytes) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<CsvFile.Record> records = new ArrayList<>();
            for (Row row : sheet) {
                List<String> fields = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    fields.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (fields.stream().anyMatch(f -> !f.isBlank())) {
                    records.add(new CsvFile.Record(row.getRowNum() + 1, List.copyOf(fields)));
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workbook", e);
        }
    }
}
