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
  passwordMin: 10,
  passwordMax: 200,
  pageSizeMax: 200,
  pageSizeDefault: 50,
  tagsMax: 30,
  tagMax: 50,
  reasonMax: 2000,
  customFieldsMaxBytes: 16 * 1024,
} as const;
