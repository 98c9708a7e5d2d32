/** Dispatched on the form by FormEnhancer with {inputName: message} after each check. */
export const ERRORS_EVENT = "eform:errors";
