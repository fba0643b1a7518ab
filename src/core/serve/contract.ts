/**
 * The Open Inference Protocol (KServe v2) REST shapes `modelbook serve` speaks, and the simpler
 * `/predict` shapes. See https://kserve.github.io/website/latest/modelserving/data_plane/v2_protocol/.
 */
import type { InvalidRowPolicy } from '../package/contract';

/** The v2 tensor datatypes accepted in requests. */
export const V2_DATATYPES = ['BOOL', 'INT8', 'INT16', 'INT32', 'INT64', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'FP16', 'FP32', 'FP64', 'BYTES'] as const;
export type V2Datatype = (typeof V2_DATATYPES)[number];

/** One tensor: data is row-major and flat (nested arrays are flattened as the protocol allows). */
export interface V2Tensor {
  name: string;
  shape: number[];
  datatype: V2Datatype;
  parameters?: Record<string, unknown>;
  data: unknown[];
}

/** POST /v2/models/{name}/infer response (the request, `{id?, parameters?, inputs: V2Tensor[], outputs?}`, is decoded by decodeInfer.ts). */
export interface V2InferResponse {
  model_name: string;
  model_version?: string;
  id?: string;
  parameters?: Record<string, unknown>;
  outputs: V2Tensor[];
}

/** GET /v2/models/{name}. */
export interface V2ModelMetadata {
  name: string;
  versions: string[];
  platform: string;
  inputs: { name: string; datatype: V2Datatype; shape: number[] }[];
  outputs: { name: string; datatype: V2Datatype; shape: number[] }[];
  parameters?: Record<string, unknown>;
}

/** What a request asks the model to do, once decoded: the rows and the options. */
export interface ScoringRequest {
  records: Record<string, unknown>[];
  proba: boolean;
  onInvalid: InvalidRowPolicy;
  id?: string;
}

/** A request the server refuses: the HTTP status and the sentence for `{error}`. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 415 | 500,
    message: string,
  ) {
    super(message);
  }
}
