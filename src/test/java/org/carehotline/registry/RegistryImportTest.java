package org.carehotline.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker registry import on the embedded store: validation, merge by number, idempotence. */
public class RegistryImportTest {

    /** UTF-8 with a BOM, as Excel saves "CSV UTF-8"; line numbers as Excel shows them. */
    public static final String FILE = "\uFEFF姓名,手机号,职业,车牌号,单位,地区\r\n"
            + "张伟,138 0013 8000,货车司机,豫A 12345,顺达物流,郑州\r\n"        // 2: merges with the caller who called
            + "李强,+86 139-0000-0001,货车司机,粤B12345挂,\"远航运输, 有限公司\",广州\r\n" // 3: new, comma inside quotes
            + "王芳,12345,快递员,,,北京\r\n"                                    // 4: a short code, not a phone
            + ",13700000002,外卖配送员,,,上海\r\n"                               // 5: no name
            + "赵六,,货车司机,,,郑州\r\n"                                       // 6: no phone
            + "张伟,13800138000,货车司机,,,郑州\r\n"                             // 7: same number as line 2
            + "孙七,13600000003,货车司机,ABC,,郑州\r\n"                          // 8: not a plate
            + "周八,0371-6666 7777,网约车司机,,,郑州\r\n"                        // 9: new, a landline
            + "\r\n"                                                            // 10: blank, skipped
            + "吴九,13500000004,农民工\r\n";                                     // 11: new, short row

    @TempDir
    Path dataDir;
    private MongoStore store;

    @BeforeEach
    void open() {
        store = TestStores.open(dataDir);
        // a driver who called before the registry was imported: the counselor noted his dialect
        store.database().getCollection(CollectionNames.CALLERS).insertOne(new Document("phone", "13800138000")
                .append("dialect", "henan").append("unionMember", false).append("highRisk", false));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void goodRowsAreMergedByNumberAndEveryOtherRowIsRejectedWithItsReason() {
        List<Integer> progress = new ArrayList<>();
        ImportResult result = new RegistryImport(store).run(FILE.getBytes(StandardCharsets.UTF_8), progress::add);
        assertEquals(9, result.rows());
        assertEquals(3, result.added());
        assertEquals(1, result.merged());
        assertEquals(0, result.unchanged());
        assertEquals(List.of(new Rejection(4, "phone.invalid", "12345"), new Rejection(5, "name.missing", ""),
                new Rejection(6, "phone.missing", ""), new Rejection(7, "duplicate", "2"),
                new Rejection(8, "plate.invalid", "ABC")), result.rejected());
        assertEquals(List.of(9), progress, "one batch: all nine data rows handled");

        Document zhang = caller("13800138000");
        assertEquals("张伟", zhang.getString("name"));
        assertEquals("henan", zhang.getString("dialect"), "what the counselor recorded stays");
        assertEquals("豫A12345", zhang.getString("plate"), "the field the console reads and searches");
        assertEquals(null, zhang.get("vehiclePlate"));
        assertEquals("truck_driver", zhang.getString("occupation"), "货车司机 is stored as its code");
        assertEquals("other: 郑州", zhang.getString("region"), "a city the region list does not know is kept as other");
        assertEquals(true, zhang.getBoolean("registered"));
        assertEquals("远航运输, 有限公司", caller("13900000001").getString("employer"));
        assertEquals("ride_hailing_driver", caller("037166667777").getString("occupation"));
        assertEquals("construction_worker", caller("13500000004").getString("occupation"), "农民工");
        assertEquals("", caller("13500000004").get("region", ""));
        assertEquals(4, store.database().getCollection(CollectionNames.CALLERS).countDocuments());
    }

    @Test
    void aSecondImportOfTheSameFileChangesNothing() {
        RegistryImport registry = new RegistryImport(store);
        registry.run(FILE.getBytes(StandardCharsets.UTF_8), n -> { });
        List<Document> before = store.database().getCollection(CollectionNames.CALLERS).find()
                .into(new ArrayList<>());
        ImportResult again = registry.run(FILE.getBytes(StandardCharsets.UTF_8), n -> { });
        assertEquals(0, again.added());
        assertEquals(0, again.merged());
        assertEquals(4, again.unchanged());
        assertEquals(5, again.rejected().size());
        assertEquals(before, store.database().getCollection(CollectionNames.CALLERS).find().into(new ArrayList<>()));
    }

    @Test
    void aFileSavedByChineseExcelInGb18030IsReadToo() {
        byte[] gbk = "姓名,电话,地区\n陈静,13700000009,成都\n".getBytes(Charset.forName("GB18030"));
        ImportResult result = new RegistryImport(store).run(gbk, n -> { });
        assertEquals(1, result.added());
        assertEquals("other: 成都", caller("13700000009").getString("region"));
    }

    @Test
    void anExcelWorkbookGivesTheSameResultAsTheCsvAndCanBeImportedTwice() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("名册");
            for (CsvFile.Record record : CsvFile.parse(FILE.getBytes(StandardCharsets.UTF_8))) {
                Row row = sheet.createRow(record.line() - 1);
                for (int c = 0; c < record.fields().size(); c++) {
                    String value = record.fields().get(c);
                    if (value.matches("1\\d{10}")) {
                        row.createCell(c).setCellValue(Double.parseDouble(value)); // typed as a number, as people do
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        RegistryImport registry = new RegistryImport(store);
        ImportResult result = registry.run(xlsx, n -> { });
        assertEquals(3, result.added());
        assertEquals(1, result.merged());
        assertEquals(List.of(4, 5, 6, 7, 8), result.rejected().stream().map(Rejection::line).toList());
        assertEquals("远航运输, 有限公司", caller("13900000001").getString("employer"));
        assertEquals("吴九", caller("13500000004").getString("name"), "a numeric phone cell is read as its digits");
        ImportResult again = registry.run(xlsx, n -> { });
        assertEquals(4, again.unchanged());
        assertEquals(0, again.added() + again.merged());
    }

    @Test
    void aRowWithSeveralProblemsReportsEachOfThemAndCountsOnce() {
        String file = "姓名,手机号,职业,车牌号,地区,方言\n"
                + "张伟,13800138001,卡车司机,豫A12345,河南省,\"普通话、河南话\"\n"   // 2: good
                + ",13800138001,truck driver,ABC,,\n"                               // 3: no name, bad plate, duplicate of 2
                + "李强,13800138002,挖掘机师傅,,Henan,粤语\n";                        // 4: good, unknown occupation
        ImportResult result = new RegistryImport(store).run(file.getBytes(StandardCharsets.UTF_8), n -> { });
        assertEquals(List.of(new Rejection(3, "name.missing", ""), new Rejection(3, "plate.invalid", "ABC"),
                new Rejection(3, "duplicate", "2")), result.rejected());
        assertEquals(1, result.rejectedRows());
        assertEquals(2, result.added());
        Document zhang = caller("13800138001");
        assertEquals("truck_driver", zhang.getString("occupation"));
        assertEquals("henan", zhang.getString("region"));
        assertEquals("mandarin,henan", zhang.getString("dialect"));
        Document li = caller("13800138002");
        assertEquals("other: 挖掘机师傅", li.getString("occupation"), "kept, visibly, not refused");
        assertEquals("cantonese", li.getString("dialect"));
    }

    @Test
    void aFileWithoutNameAndPhoneColumnsIsRejectedWhole() {
        ImportResult result = new RegistryImport(store).run("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), n -> { });
        assertEquals("columns.missing", result.fileProblem());
        assertEquals(1, store.database().getCollection(CollectionNames.CALLERS).countDocuments());
    }

    private Document caller(String phone) {
        return store.database().getCollection(CollectionNames.CALLERS).find(new Document("phone", phone)).first();
    }
}
