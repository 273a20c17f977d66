import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from './i18n';
import { NotFound, RequireSignIn, Shell } from './layout';
import {
  DevMailPage,
  InvitationPage,
  PasswordResetPage,
  PasswordResetRequestPage,
  SignInPage,
} from './pages/auth';
import { AnswerPage } from './pages/evaluation';
import { HomePage } from './pages/home';
import { InspectionPage } from './pages/parent';
import { PeoplePage } from './pages/people';
import { LeavingDossierPage, LeavingListPage } from './pages/po';
import { AdmittedSchoolsPage } from './pages/public';
import {
  OkrAddendumFormPage,
  RegionPage,
  SchoolHelpPage,
  SchoolPilotPage,
  SchoolProgressPage,
} from './pages/region';
import { ServicedeskPage } from './pages/servicedesk';
import { RegistrationPage, RegistrationsPage } from './pages/vo';
import { SessionProvider } from './session';

const signedIn = (page: React.ReactNode) => <RequireSignIn>{page}</RequireSignIn>;

/** Every page of the web app; paths are Dutch, like the words the people use. */
export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route
              path="*"
              element={
                <Shell>
                  <Routes>
                    <Route path="/" element={signedIn(<HomePage />)} />
                    <Route path="/inzage/:token" element={<InspectionPage />} />
                    <Route path="/evaluatie/:token" element={<AnswerPage />} />
                    <Route path="/inloggen" element={<SignInPage />} />
                    <Route path="/uitnodiging/:token" element={<InvitationPage />} />
                    <Route path="/wachtwoord-herstellen" element={<PasswordResetRequestPage />} />
                    <Route path="/wachtwoord-herstellen/:token" element={<PasswordResetPage />} />
                    <Route path="/scholen" element={<AdmittedSchoolsPage />} />
                    <Route path="/dev/mail" element={<DevMailPage />} />
                    <Route path="/school/:brin/vertrek" element={signedIn(<LeavingListPage />)} />
                    <Route
                      path="/school/:brin/vertrek/:dossierId"
                      element={signedIn(<LeavingDossierPage />)}
                    />
                    <Route
                      path="/school/:brin/vertrek/:dossierId/okr-addendum"
                      element={signedIn(<OkrAddendumFormPage />)}
                    />
                    <Route path="/school/:brin/aanmeldingen" element={signedIn(<RegistrationsPage />)} />
                    <Route
                      path="/school/:brin/aanmeldingen/:registrationId"
                      element={signedIn(<RegistrationPage />)}
                    />
                    <Route path="/school/:brin/mensen" element={signedIn(<PeoplePage />)} />
                    <Route path="/servicedesk/*" element={signedIn(<ServicedeskPage />)} />
                    <Route path="/school/:brin/hulp" element={signedIn(<SchoolHelpPage />)} />
                    <Route path="/school/:brin/voortgang" element={signedIn(<SchoolProgressPage />)} />
                    <Route path="/school/:brin/pilot" element={signedIn(<SchoolPilotPage />)} />
                    <Route path="/regio/:regionId/*" element={signedIn(<RegionPage />)} />
                    <Route path="*" element={<NotFound />} />
                  </Routes>
                </Shell>
              }
            />
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </I18nProvider>
  );
}
