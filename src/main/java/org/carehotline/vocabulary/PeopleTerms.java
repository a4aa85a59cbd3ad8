package org.carehotline.vocabulary;

/**
 * Who the callers are: occupation, dialect, region. The variants are what union staff and
 * counselors actually write in registries and forms; the import maps them onto the codes.
 */
final class PeopleTerms {

    static final CodeList OCCUPATION = CodeList.of("occupation",
            Term.of("truck_driver", "货车司机", "Truck driver", "卡车司机", "货车", "卡车", "大货车司机", "货运司机",
                    "大车司机", "重卡司机", "挂车司机", "truck driver", "trucker", "lorry driver", "truck"),
            Term.of("courier", "快递员", "Courier", "快递", "快递小哥", "快递员工", "派件员", "收派员", "express courier",
                    "parcel courier"),
            Term.of("delivery_rider", "外卖配送员", "Delivery rider", "外卖员", "外卖骑手", "骑手", "外卖小哥", "送餐员",
                    "配送员", "外卖", "food delivery rider", "food delivery", "rider"),
            Term.of("ride_hailing_driver", "网约车司机", "Ride-hailing driver", "网约车", "滴滴司机", "专车司机",
                    "快车司机", "ride hailing driver", "ridehailing driver", "didi driver", "taxi driver", "出租车司机"),
            Term.of("construction_worker", "建筑工人/农民工", "Construction / migrant worker", "建筑工人", "建筑工",
                    "农民工", "工地工人", "进城务工人员", "construction worker", "migrant worker", "builder"),
            Term.of("other", "其他", "Other", "其它"));

    static final CodeList DIALECT = CodeList.of("dialect",
            Term.of("mandarin", "普通话", "Mandarin", "国语", "官话", "putonghua"),
            Term.of("cantonese", "粤语", "Cantonese", "广东话", "白话", "广府话"),
            Term.of("sichuanese", "四川话", "Sichuanese", "川话", "重庆话", "西南官话", "sichuan"),
            Term.of("henan", "河南话", "Henan dialect", "中原官话", "豫语", "henanese"),
            Term.of("shandong", "山东话", "Shandong dialect", "胶辽官话", "shandongese"),
            Term.of("northeastern", "东北话", "Northeastern Mandarin", "东北官话", "dongbei"),
            Term.of("hunanese", "湖南话", "Hunanese", "湘语", "hunan"),
            Term.of("hubei", "湖北话", "Hubei dialect", "武汉话"),
            Term.of("shaanxi", "陕西话", "Shaanxi dialect", "关中话", "西安话"),
            Term.of("shanxi", "山西话", "Shanxi dialect", "晋语"),
            Term.of("wu", "吴语", "Wu (Shanghainese)", "上海话", "苏州话", "shanghainese"),
            Term.of("minnan", "闽南话", "Hokkien (Minnan)", "闽南语", "台语", "hokkien"),
            Term.of("hakka", "客家话", "Hakka", "客家语"),
            Term.of("gan", "赣语", "Gan", "江西话"),
            Term.of("anhui", "安徽话", "Anhui dialect", "江淮官话"),
            Term.of("guizhou", "贵州话", "Guizhou dialect"),
            Term.of("yunnan", "云南话", "Yunnan dialect"));

    /** Provinces, autonomous regions, municipalities and SARs; {@code 河南省} and {@code 河南} both match. */
    static final CodeList REGION = CodeList.of("region",
            province("beijing", "北京", "Beijing", "北京市"), province("tianjin", "天津", "Tianjin", "天津市"),
            province("hebei", "河北", "Hebei", "河北省"), province("shanxi", "山西", "Shanxi", "山西省"),
            province("inner_mongolia", "内蒙古", "Inner Mongolia", "内蒙古自治区"),
            province("liaoning", "辽宁", "Liaoning", "辽宁省"), province("jilin", "吉林", "Jilin", "吉林省"),
            province("heilongjiang", "黑龙江", "Heilongjiang", "黑龙江省"),
            province("shanghai", "上海", "Shanghai", "上海市"), province("jiangsu", "江苏", "Jiangsu", "江苏省"),
            province("zhejiang", "浙江", "Zhejiang", "浙江省"), province("anhui", "安徽", "Anhui", "安徽省"),
            province("fujian", "福建", "Fujian", "福建省"), province("jiangxi", "江西", "Jiangxi", "江西省"),
            province("shandong", "山东", "Shandong", "山东省"), province("henan", "河南", "Henan", "河南省"),
            province("hubei", "湖北", "Hubei", "湖北省"), province("hunan", "湖南", "Hunan", "湖南省"),
            province("guangdong", "广东", "Guangdong", "广东省"),
            province("guangxi", "广西", "Guangxi", "广西壮族自治区"), province("hainan", "海南", "Hainan", "海南省"),
            province("chongqing", "重庆", "Chongqing", "重庆市"), province("sichuan", "四川", "Sichuan", "四川省"),
            province("guizhou", "贵州", "Guizhou", "贵州省"), province("yunnan", "云南", "Yunnan", "云南省"),
            province("tibet", "西藏", "Tibet", "西藏自治区", "xizang"), province("shaanxi", "陕西", "Shaanxi", "陕西省"),
            province("gansu", "甘肃", "Gansu", "甘肃省"), province("qinghai", "青海", "Qinghai", "青海省"),
            province("ningxia", "宁夏", "Ningxia", "宁夏回族自治区"),
            province("xinjiang", "新疆", "Xinjiang", "新疆维吾尔自治区"),
            province("hong_kong", "香港", "Hong Kong", "香港特别行政区"), province("macao", "澳门", "Macao", "澳门特别行政区", "macau"),
            province("taiwan", "台湾", "Taiwan", "台湾省"));

    private PeopleTerms() {
    }

    private static Term province(String code, String zh, String en, String... variants) {
        return Term.of(code, zh, en, variants);
    }
}
