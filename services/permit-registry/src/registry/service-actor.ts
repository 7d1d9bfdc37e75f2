/** Audit and history actor of this service when it acts on its own (Kafka events). */
export const SERVICE_NAME = 'permit-registry';

export const SERVICE_ACTOR = { service: SERVICE_NAME } as const;
