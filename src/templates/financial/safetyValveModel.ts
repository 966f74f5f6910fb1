// Placeholder: the owner of this section replaces it with the real model.
export interface SafetyValveAgreement {
  readonly sheet: string;
}
