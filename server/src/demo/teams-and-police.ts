import type { Ctx } from "../core/context";
import { createPoliceDistrict } from "../modules/police/create-police-district";
import { setDistrictGrids } from "../modules/police/set-district-grids";
import { setDistrictOfficers } from "../modules/police/set-district-officers";
import { addTeamMember } from "../modules/teams/add-team-member";
import type { Codes } from "./area-plans";
import { rng } from "./random";

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾";
const GIVEN = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "华",
  "建国",
  "玉兰",
  "桂英",
  "海燕",
  "志强",
];

/**
 * The demo street's police districts (three, over its grids, with the station and demo-police) and
 * each grid's "1+3+N" team: its grid worker, a community official, a building head and a volunteer.
 */
export async function seedTeamsAndPolice(
  ctx: Ctx,
  codes: Codes,
  seed: number,
  gridWorkers: Map<string, string>,
) {
  const r = rng(seed * 7919 + 17);
  const name = () => `${r.pick([...SURNAMES])}${r.pick(GIVEN)}`;
  const phone = () => `13${r.int(5, 9)}${String(r.int(0, 99_999_999)).padStart(8, "0")}`;
  const grids = codes.grids.flat();
  const street = codes.streets[0]!;
  const districtCount = 3;
  for (let d = 0; d < districtCount; d++) {
    const code = `${street}-PD${String(d + 1).padStart(2, "0")}`;
    await createPoliceDistrict(ctx, {
      code,
      name: `东胜派出所第${d + 1}警务区`,
      station: "police-dongsheng",
    });
    const share = grids.filter((_, i) => i % districtCount === d);
    await setDistrictGrids(ctx, code, share);
    if (d === 0) await setDistrictOfficers(ctx, code, ["demo-police"]);
  }
  for (const grid of grids) {
    const worker = gridWorkers.get(grid);
    await addTeamMember(ctx, grid, {
      name: worker ? worker.split(" ").at(-1)! : name(),
      teamRole: "grid_worker",
      username: worker ? gridWorkerUsername(gridWorkers, grid) : undefined,
      phone: phone(),
      duty: "巡查走访、信息采集、小事就地处置",
    });
    await addTeamMember(ctx, grid, {
      name: name(),
      teamRole: "community_official",
      phone: phone(),
      duty: "包联网格",
    });
    await addTeamMember(ctx, grid, {
      name: name(),
      teamRole: "building_head",
      phone: phone(),
      duty: "楼道安全、邻里联络",
    });
    await addTeamMember(ctx, grid, { name: name(), teamRole: "volunteer", phone: phone(), duty: "平安巡防" });
  }
}

// gridWorkers maps a grid code to "username displayName"
function gridWorkerUsername(gridWorkers: Map<string, string>, grid: string): string {
  return gridWorkers.get(grid)!.split(" ")[0]!;
}
