import { Type } from "typebox";
import type { FastifyTypebox } from "../../http/types";
import { authorize } from "../../core/authorize";
import { makeCtx } from "../../core/context";
import { IdParams } from "../auth/auth.schema";
import { addTeamMember } from "./add-team-member";
import { handOverUser } from "./hand-over-user";
import { readTeam } from "./read-team";
import { removeTeamMember } from "./remove-team-member";
import { revealTeamPhone } from "./reveal-team-phone";
import { TEAM_ROLES, type TeamRole } from "./team-roles";
import {
  AddMemberBody,
  HandoverBody,
  HandoverReport,
  MemberParams,
  MemberView,
  RevealBody,
  TeamParams,
  TeamRolesView,
  TeamView,
  UpdateMemberBody,
} from "./teams.schema";
import { updateTeamMember } from "./update-team-member";

/** Each grid's "1+3+N" team, and handing a user's grids over to another user. */
export async function teamsRoutes(app: FastifyTypebox) {
  const tags = ["teams"];

  app.get(
    "/api/team-roles",
    { schema: { tags, summary: "The roles of a grid team (1+3+N)", response: { 200: TeamRolesView } } },
    async (req) => {
      authorize(req.actor(), "team.read");
      return { items: TEAM_ROLES.map((r) => ({ ...r })) };
    },
  );

  app.get(
    "/api/areas/:code/team",
    {
      schema: {
        tags,
        summary: "A grid's team, phones masked (staff in scope of the grid)",
        params: TeamParams,
        response: { 200: TeamView },
      },
    },
    async (req) => readTeam(makeCtx(app.services, { actor: req.actor() }), req.params.code),
  );

  app.post(
    "/api/areas/:code/team",
    {
      schema: {
        tags,
        summary: "Add a person to a grid's team (admin, dispatcher or leader in scope)",
        params: TeamParams,
        body: AddMemberBody,
        response: { 201: MemberView },
      },
    },
    async (req, reply) => {
      const body = { ...req.body, teamRole: req.body.teamRole as TeamRole };
      const view = await req.withCtx((ctx) => addTeamMember(ctx, req.params.code, body));
      return reply.status(201).send(view);
    },
  );

  app.patch(
    "/api/areas/:code/team/:id",
    {
      schema: {
        tags,
        summary: "Change a team member; null clears a field (admin, dispatcher or leader in scope)",
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: MemberView },
      },
    },
    async (req) => {
      const body = { ...req.body, teamRole: req.body.teamRole as TeamRole | undefined };
      return req.withCtx((ctx) => updateTeamMember(ctx, req.params.code, req.params.id, body));
    },
  );

  app.delete(
    "/api/areas/:code/team/:id",
    {
      schema: {
        tags,
        summary: "Take a person off a grid's team (admin, dispatcher or leader in scope)",
        params: MemberParams,
      },
    },
    async (req, reply) => {
      await req.withCtx((ctx) => removeTeamMember(ctx, req.params.code, req.params.id));
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/areas/:code/team/:id/reveal-phone",
    {
      schema: {
        tags,
        summary:
          "A team member's phone in clear, with a reason that is audited (admin, dispatcher, leader, police)",
        params: MemberParams,
        body: RevealBody,
        response: { 200: Type.Object({ phone: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (req) =>
      req.withCtx((ctx) => revealTeamPhone(ctx, req.params.code, req.params.id, req.body.reason)),
  );

  app.post(
    "/api/users/:id/handover",
    {
      schema: {
        tags: ["users", ...tags],
        summary: "Hand a user's areas, team places and open items over to another user, in one step (admin)",
        params: IdParams,
        body: HandoverBody,
        response: { 200: HandoverReport },
      },
    },
    async (req) => req.withCtx((ctx) => handOverUser(ctx, req.params.id, req.body)),
  );
}
