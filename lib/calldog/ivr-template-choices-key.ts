/** The react-query key of the saved menus offered in the builder: the bar reads them, the editor clears them after a save. */
export const IVR_TEMPLATE_CHOICES_KEY = ["ivr-template-choices"];
