-- CreateIndex
CREATE INDEX "Dossier_handlingAgencyId_submittedAt_id_idx" ON "Dossier"("handlingAgencyId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Dossier_receivingAgencyId_handlingAgencyId_submittedAt_id_idx" ON "Dossier"("receivingAgencyId", "handlingAgencyId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Dossier_status_dueAt_id_idx" ON "Dossier"("status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Dossier_submittedAt_id_idx" ON "Dossier"("submittedAt", "id");
