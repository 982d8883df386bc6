/** Sessions last a working day (8 h); host sign-in (Zendesk, Salesforce) renews them on every load. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
