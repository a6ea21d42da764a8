#pragma once

#include "app/mapping/schemetrial.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace rs {

// Beside the rule: a stored application to try the scheme on, and what the scheme makes of it
// after every change, the same JSON `rebatesync-cli preview --json` prints, with the issues in
// red (a scheme the loader refuses: its message instead).
class TrialView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrialView)

public:
    explicit TrialView(QWidget *parent = nullptr);

    // id → what the picker shows ("审批编号 标题").
    void setApplications(const QList<std::pair<QString, QString>> &applications);
    QString applicationId() const;
    void selectApplication(const QString &id);
    void showTrial(const SchemeTrial &trial);

    QString jsonText() const;
    QStringList issueTexts() const;

Q_SIGNALS:
    void applicationChosen(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_heading = nullptr;
    QComboBox *m_applications = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_issues = nullptr;
    QPlainTextEdit *m_json = nullptr;
    SchemeTrial m_trial;
};

} // namespace rs
