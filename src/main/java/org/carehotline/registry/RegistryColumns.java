package org.carehotline.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the registry's columns by their header, in Chinese or English, in any order: unions
 * keep these lists in their own spreadsheets, so the header is matched loosely (case, spaces).
 */
final class RegistryColumns {

    enum Column { NAME, PHONE, OCCUPATION, PLATE, EMPLOYER, REGION, DIALECT }

    private static final Map<String, Column> ALIASES = new HashMap<>();

    static {
        alias(Column.NAME, "姓名", "名字", "name");
        alias(Column.PHONE, "手机", "手机号", "手机号码", "电话", "联系电话", "电话号码", "phone", "mobile", "phonenumber");
        alias(Column.OCCUPATION, "职业", "工种", "occupation", "job");
        alias(Column.PLATE, "车牌", "车牌号", "车牌号码", "vehicleplate", "plate", "licenseplate");
        alias(Column.EMPLOYER, "单位", "工作单位", "雇主", "公司", "employer", "company");
        alias(Column.REGION, "地区", "区域", "所在地", "籍贯", "省份", "region", "area", "province");
        alias(Column.DIALECT, "方言", "乡音", "dialect");
    }

    private final Map<Column, Integer> index;

    private RegistryColumns(Map<Column, Integer> index) {
        this.index = index;
    }

    /** The columns of a header row; a header missing the name or the phone column yields empty. */
    static Optional<RegistryColumns> of(List<String> header) {
        Map<Column, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Column column = ALIASES.get(key(header.get(i)));
            if (column != null) {
                index.putIfAbsent(column, i);
            }
        }
        return index.containsKey(Column.NAME) && index.containsKey(Column.PHONE)
                ? Optional.of(new RegistryColumns(index)) : Optional.empty();
    }

    /** The trimmed value of a column in a record, "" when the column or the field is missing. */
    String value(List<String> fields, Column column) {
        Integer i = index.get(column);
        return i == null || i >= fields.size() ? "" : fields.get(i).strip();
    }

    private static void alias(Column column, String... names) {
        for (String name : names) {
            ALIASES.put(name, column);
        }
    }

    private static String key(String header) {
        return header.replace("\uFEFF", "").replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }
}
