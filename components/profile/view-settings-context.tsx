"use client";
import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_VIEW_SETTINGS, type ViewSettings } from "@/lib/views/view-settings";

const ViewSettingsContext = createContext<ViewSettings>(DEFAULT_VIEW_SETTINGS);

/** Puts the operator's view settings (passed as props by a server page) within reach of every panel. */
export function ViewSettingsProvider({ value, children }: { value: ViewSettings; children: ReactNode }) {
  return <ViewSettingsContext.Provider value={value}>{children}</ViewSettingsContext.Provider>;
}

export function useViewSettings(): ViewSettings {
  return useContext(ViewSettingsContext);
}
