import { redirect } from "next/navigation";

/** The worklists live at /officer/worklist/<view>; "my tasks" is the default. */
export default function WorklistIndex() {
  redirect("/officer/worklist/mine");
}
