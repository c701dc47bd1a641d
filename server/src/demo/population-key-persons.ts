/**
 * Key persons among the demo residents, in Dongsheng's three categories and at about the rates
 * found in practice (1–3 per thousand residents each): 06 key youth (ages 12–25), 01 released
 * prisoners (mostly men of working age), 03 severe mental disorder (adults). Each has its category's
 * fields (checked by the registry's prepareDetails), helpers, a care plan aimed at support
 * (employment, treatment, schooling) with actions, and visits made and due: about one in seven
 * is overdue.
 */
import { prepareDetails, type KeyPersonCategory } from "../modules/registry/key-person-details";
import { givenName, mobile, surname, type Rng } from "./population-names";
import { shiftDay, type Sink } from "./population-sink";

interface Resident {
  id: string;
  name: string;
  age: number;
  male: boolean;
}

/** The category a resident falls in, drawn at realistic rates for their age and sex, or none. */
function categoryFor(r: Rng, p: Resident): KeyPersonCategory | null {
  const x = r.next();
  if (p.age >= 12 && p.age <= 25 && x < 0.012) return "06";
  if (p.age >= 25 && p.age <= 65 && x < 0.0028 * (p.male ? 1.7 : 0.3)) return "01";
  if (p.age >= 18 && p.age <= 80 && x > 1 - 0.0035) return "03";
  return null;
}

const CRIMES = ["盗窃罪", "诈骗罪", "故意伤害罪", "寻衅滋事罪", "危险驾驶罪", "非法经营罪"];
const SENTENCES = ["有期徒刑一年", "有期徒刑二年", "有期徒刑三年", "有期徒刑五年", "有期徒刑八个月"];

function detailsFor(r: Rng, cat: KeyPersonCategory, p: Resident, today: string) {
  const guardian = () => ({
    guardianName: surname(r) + givenName(r, r.next() < 0.5, 1970),
    guardianPhone: mobile(r),
  });
  if (cat === "01") {
    const releasedOn = shiftDay(today, -r.int(60, 1800));
    return {
      releasedOn,
      supportLevel: releasedOn > shiftDay(today, -365) ? "01" : "02",
      crime: r.pick(CRIMES),
      sentence: r.pick(SENTENCES),
      ...(r.next() < 0.7 && { placedOn: shiftDay(releasedOn, r.int(20, 90)) }),
    };
  }
  if (cat === "03")
    return {
      riskGrade: r.pick(["01", "01", "02", "02", "02", "03", "03", "04", "05"]),
      diagnosis: r.pick(["01", "01", "01", "01", "04", "04", "07", "05", "99"]),
      treatment: r.pick(["02", "02", "02", "02", "02", "02", "01", "03", "04"]),
      ...guardian(),
    };
  return {
    youthType: r.pick(["01", "01", "01", "02", "02", "02", "04", "05", "03"]),
    ...guardian(),
    ...(p.age < 18 && {
      school: r.pick(["东胜中学", "宁波市第二中学", "鄞州职业高级中学", "东胜街道中心小学"]),
    }),
  };
}

const PLANS: Record<KeyPersonCategory, { kind: string; goal: string; actions: string[] }> = {
  "01": {
    kind: "employment",
    goal: "实现稳定就业，融入社区",
    actions: ["推荐社区就业岗位（保安、快递分拣）", "参加职业技能培训", "每月谈心了解思想动态"],
  },
  "02": { kind: "other", goal: "遵守矫正规定", actions: ["按时报到"] },
  "03": {
    kind: "treatment",
    goal: "规律服药、病情稳定，不发生肇事肇祸",
    actions: ["精防医生每月随访", "办理免费服药", "落实监护人看护责任"],
  },
  "04": { kind: "treatment", goal: "保持戒断", actions: ["定期尿检"] },
  "05": { kind: "other", goal: "降低风险", actions: ["健康宣教"] },
  "06": {
    kind: "education",
    goal: "返校复学或参加职业培训，改善家庭教育",
    actions: ["联系学校商量复学", "家庭教育指导（妇联）", "参加志愿服务活动"],
  },
};

const HELPER_ROLES: Record<KeyPersonCategory, string[]> = {
  "01": ["grid_worker", "judicial", "police"],
  "02": ["judicial"],
  "03": ["grid_worker", "doctor", "family"],
  "04": ["police"],
  "05": ["doctor"],
  "06": ["grid_worker", "social_worker", "family"],
};
const ROLE_TITLE: Record<string, string> = {
  grid_worker: "网格员",
  judicial: "司法所",
  police: "社区民警",
  doctor: "精防医生",
  family: "家属",
  social_worker: "社工",
};

/** Makes the resident a key person when the draw says so (with helpers, a care plan and visits). */
export function maybeKeyPerson(
  sink: Sink,
  r: Rng,
  where: { areaId: string; areaPath: string },
  p: Resident,
): void {
  const cat = categoryFor(r, p);
  if (!cat) return;
  const today = sink.today;
  const { problems, details } = prepareDetails(sink.ctx.keyring, cat, detailsFor(r, cat, p, today));
  if (problems.length) throw new Error(`demo key person details: ${JSON.stringify(problems)}`);
  const id = sink.uuid();
  const startedOn = (details.releasedOn as string | undefined) ?? shiftDay(today, -r.int(90, 1500));
  const interval =
    cat === "03" && ["04", "05", "06"].includes(details.riskGrade as string)
      ? 14
      : cat === "01" && details.supportLevel === "02"
        ? 90
        : 30;
  const overdue = r.next() < 0.15;
  const lastVisit = shiftDay(today, overdue ? -(interval + r.int(1, 30)) : -r.int(0, interval - 1));
  const nextVisitOn = shiftDay(lastVisit, interval);
  const employed = cat === "01" ? r.next() < 0.72 : cat === "03" ? r.next() < 0.2 : null;
  const now = sink.ctx.clock.now();
  sink.keyPersons.push({
    id,
    personId: p.id,
    category: cat,
    attentionLevel: r.pick(["01", "02", "02", "03"]),
    details,
    startedOn,
    visitIntervalDays: interval,
    nextVisitOn,
    employed,
    ...where,
    createdAt: now,
    updatedAt: now,
  });
  sink.counts.keyPersons++;
  if (cat === "06") sink.counts.keyYouth++;
  if (cat === "01") sink.counts.releasedPrisoners++;
  if (cat === "03") sink.counts.severeMentalDisorder++;
  for (const role of HELPER_ROLES[cat])
    sink.helpers.push({
      keyPersonId: id,
      userId: null,
      name: `${ROLE_TITLE[role]} ${surname(r)}${givenName(r, r.next() < 0.5, 1980)}`,
      role,
      fromOn: startedOn,
    });

  const plan = PLANS[cat];
  const planId = sink.uuid();
  const achieved = cat === "01" && employed && r.next() < 0.7;
  const planStart = shiftDay(startedOn, r.int(7, 60)) < today ? shiftDay(startedOn, r.int(7, 60)) : today;
  sink.plans.push({
    id: planId,
    keyPersonId: id,
    kind: plan.kind,
    goal: plan.goal,
    status: achieved ? "closed" : "active",
    startOn: planStart,
    dueOn: shiftDay(planStart, 365),
    outcome: achieved ? "achieved" : null,
    outcomeNote: achieved ? "已在辖区企业稳定就业三个月以上" : null,
    closedAt: achieved ? now : null,
    createdAt: now,
  });
  sink.counts.carePlans++;
  plan.actions.forEach((description, i) => {
    const due = shiftDay(planStart, 30 * (i + 1));
    const done = achieved || (due < today && r.next() < 0.8);
    sink.actions.push({
      planId,
      description,
      dueOn: due,
      doneAt: done ? new Date(`${due}T09:30:00+08:00`) : null,
      result: done ? "已落实" : null,
      createdAt: now,
    });
  });

  // visits made at the interval up to the last one, then the one due (overdue when its day has passed)
  const made = r.int(1, 4);
  for (let k = made - 1; k >= 0; k--) {
    const day = shiftDay(lastVisit, -k * interval);
    if (day < startedOn) continue;
    sink.visits.push({
      subjectType: "key_person",
      subjectId: id,
      areaPath: where.areaPath,
      dueOn: day,
      doneAt: new Date(`${day}T10:00:00+08:00`),
      method: r.pick(["in_person", "in_person", "phone", "joint"]),
      note: r.pick(["情绪稳定，生活正常", "了解近况，无异常", "与家属沟通，落实看护", "表示愿意参加培训"]),
      createdAt: now,
    });
    sink.counts.visits++;
  }
  sink.visits.push({
    subjectType: "key_person",
    subjectId: id,
    areaPath: where.areaPath,
    dueOn: nextVisitOn,
    createdAt: now,
  });
  sink.counts.visits++;
  if (nextVisitOn < today) sink.counts.overdueVisits++;
}
