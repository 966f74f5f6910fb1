/**
 * The stand-in `Office` global: `onReady`, `context.document.settings`, `context.officeTheme`,
 * `context.requirements.isSetSupported`, `context.platform`, and the enums the add-in reads.
 */

export type StandInPlatform = "PC" | "Mac" | "OfficeOnline";
export type StandInTheme = "light" | "dark";

const THEMES: Record<StandInTheme, Record<string, string | boolean>> = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#262626",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: "#292929",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#3A3A3A",
    controlForegroundColor: "#F3F3F3",
    isDarkTheme: true,
  },
};

/** Document settings: `set` changes the open copy, `saveAsync` stores it in the "file" (`saved`). */
export class StandInSettings {
  private current = new Map<string, string>();
  saved: Record<string, unknown> = {};
  /** Set by a test to make the next `saveAsync` fail, as a read-only workbook does. */
  failNextSave = false;

  constructor(
    initial: Record<string, unknown>,
    private readonly onSaved: () => void
  ) {
    // Office keeps settings as JSON text: values come back as copies, never as the object that was set.
    Object.entries(initial).forEach(([name, value]) =>
      this.current.set(name, JSON.stringify(value))
    );
    this.saved = jsonCopy(initial);
  }

  get(name: string): unknown {
    const text = this.current.get(name);
    return text === undefined ? null : JSON.parse(text);
  }

  set(name: string, value: unknown): void {
    this.current.set(name, JSON.stringify(value));
  }

  remove(name: string): void {
    this.current.delete(name);
  }

  saveAsync(...args: unknown[]): void {
    const callback = args.find(
      (arg): arg is (result: unknown) => void => typeof arg === "function"
    );
    const fail = this.failNextSave;
    this.failNextSave = false;
    // Office calls back asynchronously; keep that so callers cannot depend on a synchronous callback.
    queueMicrotask(() => {
      if (fail) {
        callback?.({
          status: "failed",
          error: { name: "Save Error", message: "The settings could not be saved.", code: 5001 },
        });
        return;
      }
      this.saved = Object.fromEntries(
        [...this.current].map(([name, text]) => [name, JSON.parse(text)])
      );
      this.onSaved();
      callback?.({ status: "succeeded", value: undefined });
    });
  }
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function versionAtMost(version: string, max: string): boolean {
  const a = version.split(".").map(Number);
  const b = max.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return true;
}

export interface OfficeGlobalOptions {
  readonly platform: StandInPlatform;
  readonly excelApiVersion: string;
  readonly theme: () => StandInTheme;
  readonly settings: StandInSettings;
}

/** Builds the object installed as `globalThis.Office`. */
export function createOfficeGlobal(options: OfficeGlobalOptions): Record<string, unknown> {
  const supported: Record<string, string> = {
    ExcelApi: options.excelApiVersion,
    SharedRuntime: "1.1",
    CustomFunctionsRuntime: "1.4",
  };
  const info = { host: "Excel", platform: options.platform };
  return {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(callback?: (value: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: "Excel",
      platform: options.platform,
      displayLanguage: "en-GB",
      get officeTheme() {
        return { ...THEMES[options.theme()] };
      },
      requirements: {
        isSetSupported(name: string, version = "1.1"): boolean {
          const max = supported[name];
          return max !== undefined && versionAtMost(String(version), max);
        },
      },
      document: { settings: options.settings },
    },
  };
}
