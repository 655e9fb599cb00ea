import { useT } from '../i18n/i18n.js';

/** Buttons that each fetch one file of the current run (the caller decides how: same request, other format). */
export interface Download {
  format: string;
  label: string;
}

export function DownloadLinks({ downloads, disabled, onDownload }: { downloads: readonly Download[]; disabled: boolean; onDownload: (format: string) => void }) {
  const { t } = useT();
  return (
    <div class="downloads" role="group" aria-label={t.results.downloads}>
      {downloads.map((d) => (
        <button type="button" key={d.format} data-download={d.format} disabled={disabled} onClick={() => onDownload(d.format)}>
          {d.label}
        </button>
      ))}
    </div>
  );
}

/** Saves a Blob under a name, as a browser download. */
export function saveBlob(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
