/** The registry of template profiles, in the order recognition prefers them on a tie. */
import type { ProfileId } from "../located";
import type { TemplateProfile } from "./profile";
import { DSG_MANAGEMENT_PLAN } from "./dsgManagementPlan";
import { SAFETY_VALVE_RETURN } from "./safetyValveReturn";

export const PROFILES: readonly TemplateProfile[] = [DSG_MANAGEMENT_PLAN, SAFETY_VALVE_RETURN];

/** The profile with this id, or undefined. */
export function profileById(id: string): TemplateProfile | undefined {
  return PROFILES.find((profile) => profile.id === (id as ProfileId));
}

export type { Marker, TemplateProfile } from "./profile";
