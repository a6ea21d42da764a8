// SchemeEditorWindow's work on scheme files: new, duplicate, rename, delete, save, import,
// export and making a scheme active, each validated exactly as loading does.
#include "ui/schemeeditor/schemeeditorwindow.h"

#include "app/mapping/scheme.h"
#include "app/mapping/schemeresolver.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "models/schemechangerun.h"
#include "models/schemechangesummary.h"
#include "models/schemeeditsession.h"
#include "ui/schemeeditor/changesummarydialog.h"

#include <QFile>
#include <QMessageBox>
#include <QProgressDialog>

#include <utility>

namespace rs {

bool SchemeEditorWindow::confirmDiscard()
{
    if (!m_session->isModified())
        return true;
    return QMessageBox::question(this, tr("Unsaved changes"),
                                 tr("%1 has unsaved changes. Discard them?").arg(m_session->name()))
        == QMessageBox::Yes;
}

bool SchemeEditorWindow::newScheme(const QString &typedName)
{
    QString error;
    const QString name = SchemeLibrary::fileNameFor(typedName, &error);
    if (name.isEmpty()) {
        showMessage(error, true);
        return false;
    }
    const SchemeDocument document = SchemeDocument::blank(name.chopped(5));
    if (!m_library.create(name, document, &error)) {
        showMessage(error, true);
        return false;
    }
    return openScheme(name);
}

bool SchemeEditorWindow::duplicateBuiltin()
{
    QString error;
    const QString builtin = QStringLiteral("builtin:rebate-to-other-receivable");
    std::optional<SchemeDocument> document = m_library.read(builtin, &error);
    if (!document) {
        showMessage(error, true);
        return false;
    }
    const QString name = m_library.unusedName(QStringLiteral("rebate-to-other-receivable-copy"));
    document->setName(name.chopped(5));
    if (!m_library.create(name, *document, &error)) {
        showMessage(error, true);
        return false;
    }
    return openScheme(name);
}

bool SchemeEditorWindow::renameScheme(const QString &typedName)
{
    QString error;
    const QString from = m_session->name();
    const QString to = SchemeLibrary::fileNameFor(typedName, &error);
    if (to.isEmpty() || !m_library.rename(from, to, &error)) {
        showMessage(error, true);
        return false;
    }
    m_session->setName(to);
    if (activeScheme() == from) {
        // The setting follows the file, or sync would stop finding its scheme.
        m_settings.setValue(QLatin1String(keys::SyncScheme), to);
        m_settings.flush();
        Q_EMIT activeSchemeChanged();
    }
    reloadSchemeList(to);
    updateActions();
    showMessage(tr("Renamed %1 to %2.").arg(from, to), false);
    return true;
}

bool SchemeEditorWindow::deleteScheme()
{
    const QString name = m_session->name();
    QString error;
    if (!SchemeLibrary::isBuiltin(name) && name == activeScheme()) {
        showMessage(
            tr("%1 is the active scheme: make another one active before deleting it.").arg(name),
            true);
        return false;
    }
    if (!m_library.remove(name, &error)) {
        showMessage(error, true);
        return false;
    }
    openScheme(activeScheme());
    showMessage(tr("Deleted %1.").arg(name), false);
    return true;
}

bool SchemeEditorWindow::saveScheme()
{
    const QString name = m_session->name();
    const SchemeDocument document = m_session->document();
    if (name != activeScheme() || SchemeLibrary::isBuiltin(name))
        return writeScheme(name, document);
    // Sync reads this file: the clerk sees first what the change does to pending bills.
    const SchemeLoadResult after = document.load(name);
    if (!after.scheme) {
        showMessage(tr("Not saved, the scheme has a mistake: %1").arg(after.error), true);
        return false;
    }
    const SchemeLoadResult before = resolveScheme(name, m_library.directory());
    return startChangeSummary(before.scheme, after.scheme, [this, name, document] {
        if (writeScheme(name, document))
            Q_EMIT activeSchemeChanged();
    });
}

bool SchemeEditorWindow::writeScheme(const QString &name, const SchemeDocument &document)
{
    QString error;
    if (!m_library.save(name, document, &error)) {
        showMessage(error, true);
        return false;
    }
    if (m_session->name() == name && m_session->document() == document)
        m_session->markSaved();
    updateActions();
    showMessage(tr("Saved %1.").arg(name), false);
    return true;
}

bool SchemeEditorWindow::importScheme(const QString &path)
{
    QString error;
    const QString name = m_library.importFile(path, &error);
    if (name.isEmpty()) {
        showMessage(error, true);
        return false;
    }
    return openScheme(name);
}

bool SchemeEditorWindow::exportScheme(const QString &path)
{
    const SchemeLoadResult loaded = m_session->document().load(m_session->name());
    if (!loaded.scheme) {
        showMessage(tr("Not exported, the scheme has a mistake: %1").arg(loaded.error), true);
        return false;
    }
    QFile file(path);
    const QByteArray json = m_session->document().toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size()) {
        showMessage(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    showMessage(tr("Exported to %1.").arg(path), false);
    return true;
}

bool SchemeEditorWindow::makeActive()
{
    const QString name = m_session->name();
    if (name == activeScheme())
        return !m_session->isModified() || saveScheme();
    if (m_session->isModified()) {
        if (SchemeLibrary::isBuiltin(name)) {
            showMessage(
                tr("The built-in scheme cannot be changed; duplicate it and edit the copy."), true);
            return false;
        }
        QString error;
        if (!m_library.save(name, m_session->document(), &error)) {
            showMessage(error, true);
            return false;
        }
        m_session->markSaved();
    }
    // What sync would load, from the file as saved: never a scheme that does not load.
    const SchemeLoadResult after = resolveScheme(name, m_library.directory());
    if (!after.scheme) {
        showMessage(tr("Not made active: %1").arg(after.error), true);
        return false;
    }
    const SchemeLoadResult before = resolveScheme(activeScheme(), m_library.directory());
    return startChangeSummary(before.scheme, after.scheme, [this, name] { activate(name); });
}

void SchemeEditorWindow::activate(const QString &name)
{
    if (const std::optional<SettingIssue> issue =
            m_settings.setValue(QLatin1String(keys::SyncScheme), name)) {
        showMessage(issue->message, true);
        return;
    }
    if (!m_settings.flush()) {
        showMessage(tr("Cannot write %1.").arg(m_settings.path()), true);
        return;
    }
    reloadSchemeList(name);
    updateActions();
    showMessage(
        tr("%1 is now the active scheme: sync maps pending applications with it.").arg(name),
        false);
    Q_EMIT activeSchemeChanged();
}

bool SchemeEditorWindow::startChangeSummary(std::shared_ptr<const Scheme> before,
                                            std::shared_ptr<const Scheme> after,
                                            std::function<void()> then)
{
    if (isComputingChanges()) {
        showMessage(tr("Still working out what the last change does; wait for it or cancel it."),
                    true);
        return false;
    }
    m_afterChange = std::move(then);
    m_changeProgress->setLabelText(
        tr("Trying the new scheme on the approved applications not yet synced…"));
    m_changeProgress->setRange(0, 0);
    m_changeProgress->setValue(0); // shown if it takes longer than a moment
    m_changeRun->setFuture(
        runSchemeChangeSummary(m_database.location(), std::move(before), std::move(after)));
    return true;
}

void SchemeEditorWindow::cancelChangeSummary()
{
    if (!isComputingChanges())
        return;
    m_afterChange = {};
    m_changeRun->cancel();
    m_changeProgress->reset();
    m_changeProgress->hide(); // reset() hides it only with autoClose, which would hide it at 100 %
    showMessage(tr("Stopped working out what changes: nothing was saved or made active."), false);
}

void SchemeEditorWindow::changeSummaryFinished()
{
    const std::function<void()> then = std::exchange(m_afterChange, {});
    m_changeProgress->reset();
    m_changeProgress->hide(); // reset() hides it only with autoClose, which would hide it at 100 %
    if (!then || m_changeRun->isCanceled() || m_changeRun->future().resultCount() == 0)
        return; // cancelled: its answer is not wanted
    if (confirmChange(m_changeRun->result()))
        then();
}

bool SchemeEditorWindow::confirmChange(const SchemeChangeSummary &summary)
{
    if (!summary.error.isEmpty()) {
        showMessage(summary.error, true);
        return false;
    }
    if (summary.changes.isEmpty())
        return true;
    ChangeSummaryDialog dialog(summary, this);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace rs
