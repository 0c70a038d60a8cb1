/** The bytes of a file the API sent as base64. */
export const base64Bytes = (base64: string): Uint8Array => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

/**
 * Saves a file the API made (a bank file, a SIE file) under its own name, byte for byte: a
 * Blob of the decoded bytes, never re-encoded as text (SIE 4 is code page 437, not UTF-8).
 */
export const downloadBase64 = (fileName: string, base64: string, type: string): void => {
  const blob = new Blob([base64Bytes(base64) as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL only after the click's task: let it live a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
