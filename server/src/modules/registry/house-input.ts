import type { houses } from "../../db/schema";
import { Problems } from "./field-checks";
import type { FieldProblem } from "./registry.errors";

/** A house or room as the API and the Excel importer give it; owner and landlord are registry persons. */
export interface HouseInput {
  address: string;
  buildingId?: string | null;
  unit?: string | null;
  room?: string | null;
  lat?: number | null;
  lng?: number | null;
  areaCode?: string | null;
  ownerPersonId?: string | null;
  landlordPersonId?: string | null;
  /** house-use code: residential, commercial, mixed, office, industrial, other */
  use?: string;
  /** floor area in m² */
  floorArea?: number | null;
  isRented?: boolean;
  /** group rental (群租房) */
  isGroupRental?: boolean;
}

/** Every problem of a house input (empty when it is good); references are checked by the caller. */
export function checkHouseInput(input: Partial<HouseInput>, o: { partial?: boolean } = {}): FieldProblem[] {
  const p = new Problems();
  if (!o.partial || input.address !== undefined)
    p.text("address", input.address, { required: true, max: 200 });
  p.text("unit", input.unit, { max: 20 });
  p.text("room", input.room, { max: 20 });
  p.code("use", "house-use", input.use);
  p.number("floorArea", input.floorArea, { min: 1, max: 1_000_000 });
  p.point(input.lat, input.lng);
  return p.list;
}

/** The row a good house input becomes, without its area (the caller locates it). */
export function houseRow(input: HouseInput): typeof houses.$inferInsert {
  return {
    address: input.address.trim(),
    buildingId: input.buildingId ?? null,
    unit: input.unit?.trim() || null,
    room: input.room?.trim() || null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    ownerPersonId: input.ownerPersonId ?? null,
    landlordPersonId: input.landlordPersonId ?? null,
    use: input.use ?? "residential",
    floorArea: input.floorArea ?? null,
    isRented: input.isRented ?? false,
    isGroupRental: input.isGroupRental ?? false,
  };
}
