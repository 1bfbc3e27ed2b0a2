/** Limits shared by the server and the web app. */
export const limits = {
  subjectMax: 300,
  descriptionMaxBytes: 100 * 1024,
  messageMaxBytes: 100 * 1024,
  bodyMaxBytes: 1024 * 1024,
  nameMax: 200,
  emailMax: 254,
  phoneMax: 40,
  refMax: 100,
  orderItemsMax: 100,
  passwordMin: 10,
  passwordMax: 200,
  pageSizeMax: 200,
  pageSizeDefault: 50,
  tagsMax: 30,
  tagMax: 50,
  reasonMax: 2000,
  customFieldsMaxBytes: 16 * 1024,
  attachmentMaxBytes: 10 * 1024 * 1024,
  attachmentsMax: 5,
  attachmentNameMax: 200,
} as const;

/** The types an attachment may have, detected from its bytes (text/plain only for .txt files). */
export const attachmentTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];
/** Types a browser may show inline; everything else is downloaded. */
export const inlineAttachmentTypes: readonly AttachmentType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
/** What a file picker offers: the types and the extension of text files. */
export const attachmentAccept = [...attachmentTypes, '.txt'].join(',');
