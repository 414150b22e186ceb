import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** An uploaded file's metadata; the bytes live at storagePath, relative to DATA_DIR. */
export class Attachment {
  /** A UUID, so links to it cannot be guessed from a sequence. */
  id!: string;
  originalName!: string;
  mediaType!: string;
  sizeBytes!: number;
  /** Lowercase hex SHA-256 of the content. */
  sha256!: string;
  storagePath!: string;
  /** Null for uploads by citizens without an account (public feedback). */
  uploadedByUserId!: number | null;
  createdAt!: Date;
}

export const AttachmentSchema = new EntitySchema<Attachment>({
  class: Attachment,
  tableName: 'attachments',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    originalName: { type: 'string', length: 255 },
    mediaType: { type: 'string', length: 255 },
    sizeBytes: { type: new BigIntType('number') },
    sha256: { type: 'string', length: 64, index: true },
    storagePath: { type: 'string', length: 500 },
    uploadedByUserId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
