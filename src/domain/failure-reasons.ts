// Why a delivery ended FAILED without exhausting its retry schedule: the text of `failureReason`.

export const DELETED_ENDPOINT_REASON = 'endpoint deleted before the delivery completed';

/** A delivery whose endpoint stayed paused for longer than the retention period (TIDINGS_RETENTION). */
export const EXPIRED_WHILE_WAITING_REASON = 'waited longer than the retention period (TIDINGS_RETENTION) without being delivered, e.g. while its endpoint was disabled';

/** The endpoint's transform failed or ran out of its budget for this event: retrying cannot help (the attempt's error says why). */
export const TRANSFORM_FAILED_REASON = "TRANSFORM_FAILED: the endpoint's transform could not build the request (see the attempt's error)";
