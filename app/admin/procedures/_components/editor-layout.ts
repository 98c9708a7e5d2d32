// Class names shared by the procedure editor's sections.
export const SECTION = "card space-y-3";
export const SMALL_INPUT = "field-input py-1 text-sm";
