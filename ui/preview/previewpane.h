#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;

namespace rs {

class BillsView;
class Database;
class SourceFieldsView;
struct Scheme;

// Beside the applications table: what the current application's source fields are and the
// Kingdee bills they become, one tab each, with the issues that keep a bill back in red, and
// what the store knows of each bill (state, Kingdee number, Kingdee's last error). Reads only
// the local store; nothing here waits on the network.
class PreviewPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewPane)

public:
    explicit PreviewPane(const Database &database, QWidget *parent = nullptr);

    // Null when the scheme could not be loaded; setSchemeError says why. Both re-show the
    // current application.
    void setScheme(std::shared_ptr<const Scheme> scheme);
    void setSchemeError(const QString &message);
    QString applicationId() const { return m_applicationId; }

public Q_SLOTS:
    // Empty: nothing selected.
    void showApplication(const QString &applicationId);
    // The application with the bill `billKey` in view and marked (a log event named it); its
    // first bill when it has no such bill.
    void showBill(const QString &applicationId, const QString &billKey);
    // Reads the store again (after a fetch or sync), keeping the bill in view.
    void refresh();
    // The JSON of the bill in view (its Model object), exactly as shown.
    void copyJson();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void load(const QString &keepKey, const QString &markedKey = {});
    void setProblems(const QStringList &problems);

    const Database &m_database;
    std::shared_ptr<const Scheme> m_scheme;
    QString m_schemeError;
    QString m_applicationId;

    QLabel *m_title = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_problem = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    SourceFieldsView *m_source = nullptr;
    BillsView *m_bills = nullptr;
};

} // namespace rs
