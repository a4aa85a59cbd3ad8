package org.carehotline.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.carehotline.cases.CaseStatus;
import org.carehotline.cases.Category;
import org.carehotline.cases.RiskLevel;

/**
 * What happens to each case of the search benchmark, decided up front from a seeded
 * {@link Random}: workers (Chinese names, plates like 豫A12345, mobile numbers, occupations,
 * employers, regions), their cases over one year ending {@link #LAST_DAY} (calls answered or
 * missed, menu categories, a description, a risk assessment, an assignment, the last status
 * action) and the counselors. {@link SearchSeed} writes the plans to the store.
 */
final class SearchPlans {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 22);
    static final Instant START = LAST_DAY.minusDays(364).atStartOfDay(ZONE).toInstant();
    static final Instant END = LAST_DAY.plusDays(1).atStartOfDay(ZONE).toInstant();
    static final String SUPERVISOR_ID = "5f0000000000000000000001";
    static final String OFFER_REASON = "available, skill 3";

    /** A worker who calls: their number (normalized) and the profile a counselor fills in. */
    record Worker(int index, String phone, String name, String occupation, String plate, String employer,
                  String region, String dialect, boolean unionMember) {
    }

    /** One inbound call: how Asterisk presents it, the menu key, the counselor offered it, and whether they took it. */
    record Call(String uniqueId, String channel, String callerNumber, Instant arrivedAt, String menuKey,
                Category category, String counselorId, boolean answered, long waitSeconds, long talkSeconds) {

        Instant queuedAt() {
            return arrivedAt.plusSeconds(20);
        }

        Instant offeredAt() {
            return queuedAt().plusSeconds(2);
        }

        /** When the counselor answered, or when the phone stopped ringing unanswered. */
        Instant answeredAt() {
            return queuedAt().plusSeconds(waitSeconds);
        }

        Instant endedAt() {
            return answered ? answeredAt().plusSeconds(talkSeconds) : answeredAt().plusSeconds(3);
        }
    }

    record Risk(boolean thoughts, boolean plan, boolean means, RiskLevel.Timeframe timeframe, String protective,
                RiskLevel level) {
    }

    /**
     * One case.
     *
     * @param worker      null for an anonymous caller
     * @param saveProfile the counselor fills in the worker's card after the first answered call
     * @param risk        null when nobody assessed the risk
     * @param assignTo    null unless a supervisor gives the case to another counselor after the last call
     * @param finalStatus the last status action: CLOSED (close), AWAITING_FOLLOW_UP, or none (ACTIVE, OPEN)
     */
    record CasePlan(Worker worker, boolean saveProfile, List<Call> calls, List<Category> categories, String problem,
                    Risk risk, String assignTo, CaseStatus finalStatus, Instant statusAt, String outcome) {

        Call firstAnswered() {
            return calls.stream().filter(Call::answered).findFirst().orElse(null);
        }

        Instant describedAt() {
            return firstAnswered().endedAt().plusSeconds(60);
        }

        Instant assessedAt() {
            return firstAnswered().endedAt().plusSeconds(120);
        }

        Instant assignedAt() {
            return calls.get(calls.size() - 1).endedAt().plusSeconds(3600);
        }

        /** Who owns the case after everything: the assignee, else the first counselor who answered. */
        String owner() {
            if (assignTo != null) {
                return assignTo;
            }
            Call first = firstAnswered();
            return first == null ? null : first.counselorId();
        }
    }

    /** A counselor: the id their account would have and their display name (shown on risk assessments). */
    record Counselor(String id, String name) {
    }

    private static final String[] SURNAMES = {"王", "王", "王", "李", "李", "李", "张", "张", "张", "刘", "刘", "陈", "陈",
        "杨", "杨", "黄", "赵", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
        "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余",
        "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷",
        "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔"};
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红玉兰志明文斌宇浩鹏飞海波峰辉"
            + "林春梅新亮成永健立东晓雪婷琳凯俊德福生祥贵荣喜旺宝山水云龙虎彬鑫博瑞泽子轩嘉怡欣然佳琪思雨梓萱";
    private static final String[] PROVINCES = {"豫", "豫", "豫", "豫", "豫", "豫", "冀", "鲁", "皖", "鄂", "晋", "陕", "苏",
        "川", "湘", "粤", "京", "沪", "浙", "赣"};
    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String[] OCCUPATIONS = {"truck_driver", "truck_driver", "truck_driver", "truck_driver",
        "truck_driver", "truck_driver", "courier", "courier", "courier", "courier", "delivery_rider", "delivery_rider",
        "delivery_rider", "delivery_rider", "ride_hailing_driver", "ride_hailing_driver", "ride_hailing_driver",
        "construction_worker", "construction_worker", "other"};
    private static final String[] EMPLOYERS = {"顺丰速运", "中通快递", "圆通速递", "韵达快递", "京东物流", "美团", "饿了么",
        "滴滴出行", "曹操出行", "郑州宇通物流", "河南中原货运", "满帮平台", "货拉拉", "中建七局", "个体"};
    private static final String[] REGIONS = {"郑州", "郑州", "郑州", "洛阳", "开封", "新乡", "南阳", "许昌", "平顶山",
        "安阳", "商丘", "周口", "信阳", "驻马店", "焦作", "濮阳", "漯河", "三门峡", "鹤壁", "济源"};
    private static final String[] DIALECTS = {"", "", "mandarin", "mandarin", "henan", "henan", "henan", "sichuanese",
        "cantonese"};
    private static final String[] PROBLEMS = {"长期跑夜车，失眠，情绪低落", "运费被拖欠三个月，想咨询法律途径", "车辆被扣，家里老人生病",
        "与平台发生纠纷，被封号", "工伤后老板不认账", "和家人争吵，感觉撑不下去", "送餐超时被罚款，压力很大", "孩子上学费用困难",
        "工地欠薪，包工头失联", "交通事故后一直做噩梦", "想换工作但不知道去哪里", "债务压力大，有轻生念头"};
    private static final String[] PROTECTIVE = {"家人支持", "孩子", "信仰", "工友关心", "愿意继续来电", ""};
    private static final String[] OUTCOMES = {"情绪稳定，已结案", "已转介法律援助", "已获工会帮扶", "问题已解决", "来电人不再需要服务"};
    private static final String[] COUNSELOR_NAMES = {"王芳", "李伟", "陈静", "刘洋", "张敏", "杨磊", "赵丽", "黄强", "周婷",
        "吴军", "徐娟", "孙涛"};

    private final Random random;
    private final List<Counselor> counselors = new ArrayList<>();
    private final Set<String> phones = new HashSet<>();
    private int workers;
    private int calls;

    SearchPlans(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < COUNSELOR_NAMES.length; i++) {
            counselors.add(new Counselor(String.format("5f00000000000000000001%02x", i), COUNSELOR_NAMES[i]));
        }
    }

    List<Counselor> counselors() {
        return counselors;
    }

    /** Plans for {@code cases} cases, one worker's cases after each other (a worker's earlier cases are closed). */
    List<List<CasePlan>> byWorker(int cases) {
        List<List<CasePlan>> out = new ArrayList<>();
        int planned = 0;
        while (planned < cases) {
            List<CasePlan> plans = random.nextInt(50) == 0 ? List.of(anonymousCase())
                    : workerCases(newWorker(), Math.min(cases - planned, caseCount()));
            out.add(plans);
            planned += plans.size();
        }
        return out;
    }

    private int caseCount() {
        int r = random.nextInt(100);
        return r < 80 ? 1 : r < 95 ? 2 : 3;
    }

    private Worker newWorker() {
        String phone;
        do {
            phone = "1" + "3456789".charAt(random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        } while (!phones.add(phone));
        String occupation = pick(OCCUPATIONS);
        boolean drives = occupation.equals("truck_driver") || occupation.equals("ride_hailing_driver");
        boolean plate = drives ? random.nextInt(20) != 0 : (occupation.equals("courier")
                || occupation.equals("delivery_rider")) && random.nextInt(5) == 0;
        String name = pick(SURNAMES) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextInt(3) == 0 ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
        return new Worker(workers++, phone, name, occupation, plate ? plate() : "", pick(EMPLOYERS), pick(REGIONS),
                pick(DIALECTS), random.nextInt(3) == 0);
    }

    private String plate() {
        StringBuilder p = new StringBuilder(pick(PROVINCES)).append(PLATE_LETTERS.charAt(random.nextInt(8)));
        boolean newEnergy = random.nextInt(10) == 0;
        for (int i = 0; i < (newEnergy ? 6 : 5); i++) {
            p.append(i == 0 && newEnergy ? "DF".charAt(random.nextInt(2)) : random.nextInt(6) == 0
                    ? PLATE_LETTERS.charAt(random.nextInt(PLATE_LETTERS.length())) : (char) ('0' + random.nextInt(10)));
        }
        return p.toString();
    }

    private List<CasePlan> workerCases(Worker worker, int count) {
        // a worker's cases are at least 40 days apart; each lasts at most 30 days
        long spanDays = 364 - 40L * (count - 1);
        long day = random.nextLong(spanDays);
        List<CasePlan> plans = new ArrayList<>();
        boolean profileSaved = random.nextInt(12) == 0; // about one card in twelve stays blank
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            Instant start = START.plus(Duration.ofDays(day)).plusSeconds(daytimeSecond());
            CaseStatus status = last ? finalStatus(start) : CaseStatus.CLOSED;
            CasePlan plan = casePlan(worker, start, status, !profileSaved && status != CaseStatus.OPEN);
            profileSaved |= plan.saveProfile();
            plans.add(plan);
            day += 40 + random.nextInt(Math.max(1, (int) (364 - day - 40L * (count - i - 1))));
            day = Math.min(day, 363 - 40L * (count - i - 2));
        }
        return plans;
    }

    private CasePlan anonymousCase() {
        Instant start = START.plus(Duration.ofDays(random.nextInt(364))).plusSeconds(daytimeSecond());
        return casePlan(null, start, random.nextInt(3) == 0 ? CaseStatus.OPEN : finalStatus(start), false);
    }

    /** Most calls come in the day; seconds after midnight in the hotline's zone. */
    private int daytimeSecond() {
        int hour = random.nextInt(10) < 8 ? 8 + random.nextInt(14) : random.nextInt(24);
        return hour * 3600 + random.nextInt(3600);
    }

    /** Recent cases are still being worked on; older ones mostly closed. */
    private CaseStatus finalStatus(Instant start) {
        boolean recent = Duration.between(start, END).toDays() < 30;
        int r = random.nextInt(100);
        if (recent) {
            return r < 15 ? CaseStatus.OPEN : r < 60 ? CaseStatus.ACTIVE : r < 85 ? CaseStatus.AWAITING_FOLLOW_UP
                    : CaseStatus.CLOSED;
        }
        return r < 4 ? CaseStatus.OPEN : r < 14 ? CaseStatus.ACTIVE : r < 24 ? CaseStatus.AWAITING_FOLLOW_UP
                : CaseStatus.CLOSED;
    }

    private CasePlan casePlan(Worker worker, Instant start, CaseStatus status, boolean saveProfile) {
        Category primary = category();
        // the case's calls and its last action fit in the time left before the end of the year (at most 30 days)
        long room = Math.max(3600, Math.min(Duration.ofDays(30).toSeconds(), Duration.between(start, END).toSeconds()
                - 3 * 3600));
        // an anonymous caller's every call is a case of its own
        int callCount = status == CaseStatus.OPEN || worker == null ? 1
                : 1 + (random.nextInt(100) < 35 ? 1 + random.nextInt(3) : 0);
        Counselor main = pick(counselors);
        List<Call> calls = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < callCount; i++) {
            if (i > 0) {
                at = at.plusSeconds(room / 2 / callCount + random.nextLong(room / 2 / callCount));
            }
            boolean answered = status != CaseStatus.OPEN && (i == 0 || random.nextInt(10) != 0);
            Counselor who = random.nextInt(10) < 7 ? main : pick(counselors);
            Category category = i == 0 || random.nextInt(4) != 0 ? primary : category();
            calls.add(call(worker, at, category, who.id(), answered));
        }
        List<Category> categories = new ArrayList<>(List.of(primary));
        if (random.nextInt(10) < 3) {
            Category other = category();
            if (other != primary) {
                categories.add(other);
            }
        }
        boolean answeredAny = status != CaseStatus.OPEN;
        Risk risk = answeredAny && random.nextInt(100) < 75 ? risk(primary) : null;
        String assignTo = answeredAny && random.nextInt(100) < 5 ? pick(counselors).id() : null;
        Instant lastEnd = calls.get(calls.size() - 1).endedAt();
        Instant statusAt = lastEnd.plusSeconds(2 * 3600 + random.nextLong(Math.max(1, Duration.between(lastEnd,
                start.plusSeconds(room)).toSeconds())));
        return new CasePlan(worker, saveProfile && worker != null, calls, categories,
                answeredAny ? pick(PROBLEMS) : "", risk, assignTo, status, statusAt,
                status == CaseStatus.CLOSED ? pick(OUTCOMES) : "");
    }

    private Call call(Worker worker, Instant at, Category category, String counselorId, boolean answered) {
        String number;
        if (worker == null) {
            number = "anonymous";
        } else {
            int r = random.nextInt(20);
            number = r < 17 ? worker.phone() : r < 19 ? "+86" + worker.phone() : "0086" + worker.phone();
        }
        int n = calls++;
        return new Call(at.getEpochSecond() + "." + n, String.format("PJSIP/trunk-%08x", n), number, at,
                menuKey(category), category, counselorId, answered, 5 + random.nextInt(answered ? 90 : 40),
                60 + random.nextInt(1800));
    }

    private Category category() {
        int r = random.nextInt(100);
        return r < 45 ? Category.PSYCHOLOGICAL_SUPPORT : r < 70 ? Category.LEGAL_ADVICE : r < 90
                ? Category.HARDSHIP_ASSISTANCE : Category.CRISIS_INTERVENTION;
    }

    private static String menuKey(Category category) {
        return switch (category) {
            case PSYCHOLOGICAL_SUPPORT -> "1";
            case LEGAL_ADVICE -> "2";
            case HARDSHIP_ASSISTANCE -> "3";
            case CRISIS_INTERVENTION -> "0";
        };
    }

    /** A level (more severe for crisis calls) and answers that call for no more than it. */
    private Risk risk(Category category) {
        int r = random.nextInt(100) + (category == Category.CRISIS_INTERVENTION ? 35 : 0);
        RiskLevel level = r < 40 ? RiskLevel.NONE : r < 70 ? RiskLevel.LOW : r < 88 ? RiskLevel.MODERATE
                : r < 97 ? RiskLevel.HIGH : RiskLevel.IMMINENT;
        String protective = pick(PROTECTIVE);
        return switch (level) {
            case NONE -> new Risk(false, false, false, RiskLevel.Timeframe.NONE, protective, level);
            case LOW -> new Risk(true, false, false, RiskLevel.Timeframe.NONE, protective, level);
            case MODERATE -> new Risk(true, true, false, RiskLevel.Timeframe.WEEKS, protective, level);
            case HIGH -> new Risk(true, true, true, RiskLevel.Timeframe.WEEKS, protective, level);
            case IMMINENT -> new Risk(true, true, true, RiskLevel.Timeframe.TODAY, protective, level);
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
