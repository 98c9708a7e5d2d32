"use server";

import { redirect } from "next/navigation";
import { api } from "~/server/api/caller";

/** Saves where the person wants notifications besides the in-app list; works as a plain form post. */
export async function saveNotificationChannelsAction(formData: FormData): Promise<void> {
  await api.notification.updateChannels({ email: formData.get("email") === "on", sms: formData.get("sms") === "on" });
  redirect("/me/profile?channels=saved#notification-channels");
}
